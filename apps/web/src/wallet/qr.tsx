import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { t } from './strings';

const PASS_QR = graphql(`
  query PassQr($id: ID!) {
    pass(id: $id) {
      id
      qr {
        pngDataUrl
        expiresAt
      }
    }
  }
`);

type Qr = NonNullable<ResultOf<typeof PASS_QR>['pass']>['qr'];

/** The next code is fetched this long before the shown one expires, so the screen never shows a dead one. */
export const REFRESH_AHEAD_MS = 15_000;
const RETRY_MS = 5_000;

/**
 * The pass's rotating QR code (it lasts under a minute), fetched again ahead of its expiry. Without
 * network the last code stays on screen while it is still good, then gives way to the offline notice.
 */
export function useRotatingQr(api: Api, passId: string): { qr?: Qr; offline: boolean; expired: boolean } {
  const [qr, setQr] = useState<Qr>();
  const [offline, setOffline] = useState(false);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let expiry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      clearTimeout(timer);
      try {
        const { pass } = await api.run(PASS_QR, { id: passId });
        if (stopped || !pass) return;
        setQr(pass.qr);
        setOffline(false);
        setExpired(false);
        clearTimeout(expiry);
        if (pass.qr.expiresAt) {
          const left = Date.parse(pass.qr.expiresAt) - Date.now();
          expiry = setTimeout(() => setExpired(true), left);
          timer = setTimeout(load, Math.max(1_000, left - REFRESH_AHEAD_MS));
        }
      } catch {
        if (stopped) return;
        setOffline(true);
        timer = setTimeout(load, RETRY_MS);
      }
    };
    void load();
    addEventListener('online', load);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(expiry);
      removeEventListener('online', load);
    };
  }, [api, passId]);
  return { qr, offline, expired };
}

export function QrCode(props: { api: Api; passId: string; serial: string }) {
  const { qr, offline, expired } = useRotatingQr(props.api, props.passId);
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (!full) return;
    // Keep the screen on while the code is shown full screen (where the browser allows it).
    const lock = navigator.wakeLock?.request('screen').catch(() => undefined);
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setFull(false);
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('keydown', onKey);
      void lock?.then((sentinel) => sentinel?.release());
    };
  }, [full]);
  const image = qr && !expired && <img src={qr.pngDataUrl} alt={t.qrName(props.serial)} width={320} height={320} />;
  return (
    <div class="qr">
      {offline && (
        <p class="notice" role="status">
          {t.offline} <strong>{props.serial}</strong>
        </p>
      )}
      {offline && expired && <p class="muted">{t.qrExpired}</p>}
      {/* Not inside the button: a button's content is presentational, and the code must stay an image. */}
      {image && <div onClick={() => setFull(true)}>{image}</div>}
      {image && (
        <button type="button" class="secondary" onClick={() => setFull(true)}>
          {t.showFull}
        </button>
      )}
      {full && image && (
        <div class="qr-full" role="dialog" aria-modal="true" aria-label={t.qrName(props.serial)}>
          {image}
          <p>
            <strong>{props.serial}</strong>
          </p>
          <p class="muted">{t.brightness}</p>
          <button type="button" onClick={() => setFull(false)}>
            {t.close}
          </button>
        </div>
      )}
    </div>
  );
}
