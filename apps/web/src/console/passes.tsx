import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { asApiError, FieldError, FormError } from '../shared/ui';
import type { WorkContext } from './context';
import { t } from './strings';

const CATALOGUE = graphql(`
  query ConsoleCatalogue($id: ID!) {
    network(id: $id) {
      id
      products {
        id
        name
        kind
      }
      spaces {
        id
        name
      }
      organizations {
        id
        name
      }
    }
  }
`);

const ISSUE = graphql(`
  mutation IssuePass($input: IssuePassInput!) {
    issuePass(input: $input) {
      id
      serial
      status
      holder {
        email
      }
      product {
        name
      }
    }
  }
`);

const REVOKE = graphql(`
  mutation RevokePass($passId: ID!, $reason: String!) {
    revokePass(passId: $passId, reason: $reason) {
      id
      status
    }
  }
`);

type Issued = ResultOf<typeof ISSUE>['issuePass'];
type Catalogue = NonNullable<ResultOf<typeof CATALOGUE>['network']>;

/**
 * Issuing, and revoking what was issued in this session: the API lists no network's passes, only a
 * holder's own (myPasses) and those seen through visits.
 */
export function PassesSection(props: { api: Api; context: WorkContext }) {
  const [catalogue, setCatalogue] = useState<Catalogue>();
  const [issued, setIssued] = useState<Issued[]>([]);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    props.api
      .run(CATALOGUE, { id: props.context.networkId })
      .then((data) => setCatalogue(data.network ?? undefined))
      .catch((caught) => setError(asApiError(caught)));
  }, [props.context.networkId]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const optional = (name: string) => String(form.get(name) ?? '') || undefined;
    setError(undefined);
    try {
      const { issuePass } = await props.api.run(ISSUE, {
        input: {
          holderEmail: String(form.get('holderEmail')),
          productId: String(form.get('productId')),
          issuingSpaceId: optional('issuingSpaceId'),
          organizationId: optional('organizationId'),
        },
      });
      setIssued([issuePass, ...issued]);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  const revoke = async (pass: Issued) => {
    const reason = prompt(t.reason);
    if (!reason) return;
    try {
      const { revokePass } = await props.api.run(REVOKE, { passId: pass.id, reason });
      setIssued(issued.map((p) => (p.id === pass.id ? { ...p, status: revokePass.status } : p)));
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  const fields = ['holderEmail', 'productId', 'issuingSpaceId', 'organizationId'];
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{t.sections.passes}</h2>
      <form class="card" onSubmit={submit}>
        <label>
          {t.holderEmail}
          <input name="holderEmail" type="email" required />
        </label>
        <FieldError error={error} field="holderEmail" />
        <label>
          {t.product}
          <select name="productId" required>
            {catalogue?.products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </label>
        <FieldError error={error} field="productId" />
        <label>
          {t.issuingSpace}
          <select name="issuingSpaceId" value={props.context.spaceId ?? ''}>
            <option value="">{t.none}</option>
            {catalogue?.spaces.map((space) => (
              <option key={space.id} value={space.id}>
                {space.name}
              </option>
            ))}
          </select>
        </label>
        <FieldError error={error} field="issuingSpaceId" />
        <label>
          {t.organization}
          <select name="organizationId">
            <option value="">{t.none}</option>
            {catalogue?.organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </label>
        <FieldError error={error} field="organizationId" />
        <FormError error={error} fields={fields} />
        <button type="submit">{t.issuePass}</button>
      </form>
      {issued.length > 0 && (
        <>
          <h3>{t.issued}</h3>
          <ul>
            {issued.map((pass) => (
              <li key={pass.id}>
                <strong>{pass.serial}</strong> — {pass.product.name} — {pass.holder.email} — {pass.status}{' '}
                {pass.status === 'ACTIVE' && (
                  <button type="button" class="danger" onClick={() => revoke(pass)}>
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
