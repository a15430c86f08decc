import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { formatTime } from '../shared/i18n';
import { registerServiceWorker, useOnline } from '../shared/offline';
import { asApiError, FieldError, FormError, mount, TopBar } from '../shared/ui';
import { CameraScanner } from './camera';
import { Desk, DeskState, Shown, today, waitedOverADay } from './desk';
import { forgetPairing, loadPairing, pair, Pairing, tokenFromPairingLink } from './pairing';
import { t } from './strings';

function PairingForm(props: { onPaired: (pairing: Pairing) => void }) {
  const [error, setError] = useState<ApiError>();
  // The console's pairing QR opens /desk/#token=…: pair at once.
  const fromLink = tokenFromPairingLink(location.hash);
  const submit = async (token: string) => {
    try {
      props.onPaired(await pair(tokenFromPairingLink(token)));
      history.replaceState(null, '', location.pathname + location.search);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  useEffect(() => {
    if (fromLink.startsWith('psc_')) void submit(fromLink);
  }, []);
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(String(new FormData(event.currentTarget).get('token')));
      }}
    >
      <p>{t.pairIntro}</p>
      <label>
        {t.token}
        <input name="token" required autoComplete="off" spellcheck={false} />
      </label>
      <FieldError error={error} field="token" />
      <FormError error={error} fields={['token']} />
      <button type="submit">{t.pair}</button>
    </form>
  );
}

function useDesk(desk: Desk): DeskState {
  const [state, setState] = useState(desk.state);
  useEffect(() => {
    const unsubscribe = desk.subscribe(() => setState(desk.state));
    void desk.start();
    const online = () => void desk.sync();
    addEventListener('online', online);
    return () => {
      unsubscribe();
      removeEventListener('online', online);
    };
  }, [desk]);
  return state;
}

function Result({ shown }: { shown?: Shown }) {
  // One live region, always in the page, so that screen readers announce each new result.
  let body = <p>{t.ready}</p>;
  let tone = '';
  if (shown?.kind === 'refusedOnDevice') {
    tone = 'refused';
    body = (
      <>
        <strong>{t.refused}</strong>
        <span>{shown.message}</span>
      </>
    );
  } else if (shown?.kind === 'queued') {
    tone = 'queued';
    body = (
      <>
        <strong>{t.queued}</strong>
        <span>{t.queuedWhat}</span>
      </>
    );
  } else if (shown?.kind === 'outcome') {
    const { outcome } = shown;
    tone = outcome.status === 'REJECTED' ? 'refused' : outcome.repeat ? 'repeat' : 'accepted';
    const title = outcome.status === 'REJECTED' ? t.refused : outcome.repeat ? t.repeat : t.accepted;
    body = (
      <>
        <strong>{title}</strong>
        {outcome.holder && <span>{outcome.holder}</span>}
        <p>{t.reason(outcome.reason, outcome.message)}</p>
        {outcome.status === 'ACCEPTED' && outcome.left != null && <p>{t.left(outcome.left)}</p>}
      </>
    );
  }
  return (
    <div role="status" aria-live="polite" class={`result ${tone}`}>
      {body}
    </div>
  );
}

function ageOf(iso: string): string {
  const minutes = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} j/d`;
}

function DeskScreen(props: { pairing: Pairing; onUnpair: () => void }) {
  const desk = useMemo(() => new Desk(props.pairing), [props.pairing]);
  const state = useDesk(desk);
  const online = useOnline();
  const [camera, setCamera] = useState(false);
  const [error, setError] = useState<ApiError>();
  const field = useRef<HTMLInputElement>(null);
  const submit = async (value: string) => {
    setError(undefined);
    try {
      await desk.scan(value);
    } catch (caught) {
      setError(asApiError(caught));
    }
    if (field.current) field.current.value = '';
    field.current?.focus();
  };
  const day = today(props.pairing.timezone);
  // The API's list (every desk of the space); offline, this desk's own accepted check-ins of today.
  const visitors =
    state.visitors ??
    state.recent
      .filter((o) => o.status === 'ACCEPTED' && o.localDate === day)
      .map((o) => ({ id: o.idempotencyKey, occurredAt: o.occurredAt, name: o.holder ?? o.serial ?? '?' }));
  const uploaded = state.recent.filter((o) => o.fromQueue).slice(0, 20);
  const ahead = state.clockOffsetSeconds !== undefined && state.clockOffsetSeconds < -120;
  return (
    <>
      <TopBar title={t.pairedAs(props.pairing.scannerName, props.pairing.spaceName)}>
        <button
          type="button"
          class="link"
          onClick={() => {
            forgetPairing();
            props.onUnpair();
          }}
        >
          {t.unpair}
        </button>
      </TopBar>
      {(!online || state.waiting > 0) && (
        <p class="offline-banner">{online ? t.waiting(state.waiting) : t.offline(state.waiting)}</p>
      )}
      <main class="desk">
        {!online && <p class="notice">{t.offlineLimits}</p>}
        {waitedOverADay(state.oldestWaiting) && <p class="notice">{t.oldScans}</p>}
        <Result shown={state.shown} />
        <FormError error={error} fields={[]} />
        {camera ? (
          <CameraScanner
            onCode={(code) => {
              setCamera(false);
              void submit(code);
            }}
            onClose={() => setCamera(false)}
          />
        ) : (
          <p>
            <button type="button" onClick={() => setCamera(true)}>
              {t.scan}
            </button>
          </p>
        )}
        <form
          class="card"
          onSubmit={(event) => {
            event.preventDefault();
            void submit(field.current?.value ?? '');
          }}
        >
          <label>
            {t.serial}
            <input
              ref={field}
              name="credential"
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              autoFocus
            />
          </label>
          <p class="muted">{t.serialHint}</p>
          <button type="submit" disabled={state.busy}>
            {t.checkIn}
          </button>
        </form>
        <section class="card" aria-labelledby="today">
          <h2 id="today">{t.today}</h2>
          {visitors.length === 0 ? (
            <p class="muted">{t.noVisitors}</p>
          ) : (
            <ul aria-labelledby="today">
              {visitors.map((visit) => (
                <li key={visit.id}>
                  {formatTime(visit.occurredAt)} — {visit.name}
                </li>
              ))}
            </ul>
          )}
        </section>
        {uploaded.length > 0 && (
          <section class="card" aria-labelledby="uploaded">
            <h2 id="uploaded">{t.uploaded}</h2>
            <ul aria-labelledby="uploaded">
              {uploaded.map((o) => (
                <li key={o.idempotencyKey}>
                  {formatTime(o.occurredAt)} — {o.holder ?? o.serial ?? '?'} —{' '}
                  {o.status === 'ACCEPTED' ? t.accepted : `${t.refused}: ${t.reason(o.reason, o.message)}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        <p class="muted">
          {state.keys ? t.keysAge(ageOf(state.keys.fetchedAt)) : t.noKeys}
          {state.clockOffsetSeconds !== undefined && <> · {t.clock(-state.clockOffsetSeconds)}</>}
        </p>
        {ahead && <p class="notice">{t.clockAhead}</p>}
      </main>
    </>
  );
}

function DeskApp() {
  const [pairing, setPairing] = useState(loadPairing());
  if (!pairing)
    return (
      <>
        <TopBar title={t.title} />
        <main>
          <h1>{t.title}</h1>
          <PairingForm onPaired={setPairing} />
        </main>
      </>
    );
  return <DeskScreen pairing={pairing} onUnpair={() => setPairing(undefined)} />;
}

registerServiceWorker();
mount(<DeskApp />);
