import { toDataURL } from 'qrcode';
import { useState } from 'preact/hooks';
import type { Api, ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { asApiError, FieldError, FormError } from '../shared/ui';
import type { WorkContext } from './context';
import { t } from './strings';

const REGISTER = graphql(`
  mutation RegisterScanner($input: RegisterScannerInput!) {
    registerScanner(input: $input) {
      token
      scanner {
        id
        name
        revokedAt
      }
    }
  }
`);

const REVOKE = graphql(`
  mutation RevokeScanner($id: ID!) {
    revokeScanner(scannerId: $id) {
      id
      name
      revokedAt
    }
  }
`);

type Scanner = ResultOf<typeof REGISTER>['registerScanner']['scanner'];

/** The desk pairs itself when it opens this link (scanned with the tablet's camera app). */
function pairingLink(token: string): string {
  return `${location.origin}/desk/#token=${encodeURIComponent(token)}`;
}

export function ScannersSection(props: { api: Api; context: WorkContext }) {
  const [registered, setRegistered] = useState<Scanner[]>([]);
  const [shown, setShown] = useState<{ name: string; token: string; qr: string }>();
  const [error, setError] = useState<ApiError>();
  const spaceId = props.context.spaceId;
  if (!spaceId) return <p>{t.operatorsOnly}</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name'));
    setError(undefined);
    try {
      const { registerScanner } = await props.api.run(REGISTER, { input: { spaceId, name } });
      const qr = await toDataURL(pairingLink(registerScanner.token), {
        errorCorrectionLevel: 'M',
        margin: 2,
        scale: 6,
      });
      setShown({ name: registerScanner.scanner.name, token: registerScanner.token, qr });
      setRegistered([registerScanner.scanner, ...registered]);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  const revoke = async (scanner: Scanner) => {
    try {
      const { revokeScanner } = await props.api.run(REVOKE, { id: scanner.id });
      setRegistered(registered.map((s) => (s.id === scanner.id ? revokeScanner : s)));
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{t.sections.scanners}</h2>
      <form class="card" onSubmit={submit}>
        <label>
          {t.scannerName}
          <input name="name" required />
        </label>
        <FieldError error={error} field="name" />
        <FormError error={error} fields={['name']} />
        <button type="submit">{t.registerScanner}</button>
      </form>
      {shown && (
        <div class="card notice">
          <p>{t.tokenOnce}</p>
          <p>
            <code>{shown.token}</code>
          </p>
          <img src={shown.qr} alt={t.pairingQr(shown.name)} width={240} height={240} />
        </div>
      )}
      {registered.length > 0 && (
        <>
          <h3>{t.registered}</h3>
          <ul>
            {registered.map((scanner) => (
              <li key={scanner.id}>
                {scanner.name}{' '}
                {scanner.revokedAt ? (
                  `(${t.revoke.toLowerCase()})`
                ) : (
                  <button type="button" class="danger" onClick={() => revoke(scanner)}>
                    {t.revoke}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
