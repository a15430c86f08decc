import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { formatMoney } from '../shared/i18n';
import { asApiError, FieldError, FormError } from '../shared/ui';
import type { WorkContext } from './context';
import { t } from './strings';

const PRODUCTS = graphql(`
  query ConsoleProducts($id: ID!) {
    network(id: $id) {
      id
      products {
        id
        name
        kind
        units
        freeDaysPerMonth
        unitValueCents
        validityDays
        allowPrintedQr
      }
    }
  }
`);

const CREATE = graphql(`
  mutation CreateProduct($input: CreatePassProductInput!) {
    createPassProduct(input: $input) {
      id
    }
  }
`);

type Product = NonNullable<ResultOf<typeof PRODUCTS>['network']>['products'][number];
const KINDS = ['COUPON_BOOK', 'CREDITS', 'RECIPROCAL', 'CORPORATE'] as const;

export function ProductsSection(props: { api: Api; context: WorkContext }) {
  const [products, setProducts] = useState<Product[]>();
  const [error, setError] = useState<ApiError>();
  const [reload, setReload] = useState(0);
  const { networkId, currency } = props.context;
  useEffect(() => {
    props.api
      .run(PRODUCTS, { id: networkId })
      .then((data) => setProducts(data.network?.products ?? []))
      .catch((caught) => setError(asApiError(caught)));
  }, [networkId, reload]);
  if (!props.context.admin) return <p>{t.adminsOnly}</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const number = (name: string) => (form.get(name) ? Number(form.get(name)) : undefined);
    setError(undefined);
    try {
      await props.api.run(CREATE, {
        input: {
          networkId,
          name: String(form.get('name')),
          kind: String(form.get('kind')) as (typeof KINDS)[number],
          units: number('units'),
          freeDaysPerMonth: number('freeDaysPerMonth'),
          unitValueCents: number('unitValueCents') ?? 0,
          validityDays: number('validityDays'),
          allowPrintedQr: form.get('allowPrintedQr') === 'on',
        },
      });
      setReload(reload + 1);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  const fields = ['name', 'kind', 'units', 'freeDaysPerMonth', 'unitValueCents', 'validityDays'];
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{t.products}</h2>
      <FormError error={error} fields={fields} />
      <table>
        <tbody>
          {products?.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.kind}</td>
              <td>{p.units ?? p.freeDaysPerMonth ?? '—'}</td>
              <td>{formatMoney(p.unitValueCents, currency)}</td>
              <td>{p.validityDays ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="card" onSubmit={submit}>
        <label>
          {t.name}
          <input name="name" required />
        </label>
        <FieldError error={error} field="name" />
        <label>
          {t.kind}
          <select name="kind">
            {KINDS.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </label>
        {(
          [
            ['units', t.unitsField],
            ['freeDaysPerMonth', t.freeDays],
            ['unitValueCents', t.unitValue],
            ['validityDays', t.validityDays],
          ] as const
        ).map(([name, label]) => (
          <>
            <label key={name}>
              {label}
              <input name={name} type="number" min={0} required={name === 'unitValueCents'} />
            </label>
            <FieldError error={error} field={name} />
          </>
        ))}
        <label>
          <input name="allowPrintedQr" type="checkbox" style="width:auto;display:inline" /> {t.allowPrinted}
        </label>
        <button type="submit">{t.createProduct}</button>
      </form>
    </section>
  );
}
