import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { formatDate, formatMoney } from '../shared/i18n';
import { asApiError, FieldError, FormError } from '../shared/ui';
import type { WorkContext } from './context';
import { currentMonth, MonthField } from './month-field';
import { t } from './strings';

const VISITS = graphql(`
  query ConsoleVisits($filter: VisitFilter!) {
    visits(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          id
          localDate
          units
          amountCents
          status
          space {
            id
            name
          }
          pass {
            serial
          }
        }
      }
    }
  }
`);

const VOID = graphql(`
  mutation VoidVisit($visitId: ID!, $reason: String!) {
    voidVisit(visitId: $visitId, reason: $reason) {
      id
      status
    }
  }
`);

type Visit = ResultOf<typeof VISITS>['visits']['edges'][number]['node'];

function VoidForm(props: { api: Api; visit: Visit; onDone: () => void; onCancel: () => void }) {
  const [error, setError] = useState<ApiError>();
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const reason = String(new FormData(event.currentTarget).get('reason'));
        try {
          await props.api.run(VOID, { visitId: props.visit.id, reason });
          props.onDone();
        } catch (caught) {
          setError(asApiError(caught));
        }
      }}
    >
      <label>
        {t.reason}
        <input name="reason" required />
      </label>
      <FieldError error={error} field="reason" />
      <FormError error={error} fields={['reason']} />
      <button type="submit" class="danger">
        {t.confirmVoid}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}

export function VisitsSection(props: { api: Api; context: WorkContext }) {
  const [month, setMonth] = useState(currentMonth());
  const [status, setStatus] = useState<'' | 'ACCEPTED' | 'VOIDED'>('');
  const [data, setData] = useState<ResultOf<typeof VISITS>['visits'] & { month: string }>();
  const [error, setError] = useState<ApiError>();
  const [voiding, setVoiding] = useState<string>();
  const [reload, setReload] = useState(0);
  const { networkId, spaceId, currency } = props.context;
  useEffect(() => {
    setError(undefined);
    // A slower answer to an earlier filter must not replace the one asked for last.
    let current = true;
    props.api
      .run(VISITS, { filter: { networkId, spaceId, month, status: status || undefined } })
      .then((result) => current && setData({ ...result.visits, month }))
      .catch((caught) => current && setError(asApiError(caught)));
    return () => {
      current = false;
    };
  }, [networkId, spaceId, month, status, reload]);
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{t.sections.visits}</h2>
      <div class="row">
        <MonthField value={month} onChange={setMonth} />
        <label>
          {t.status}
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value as typeof status)}>
            <option value="">{t.all}</option>
            <option value="ACCEPTED">{t.accepted}</option>
            <option value="VOIDED">{t.voided}</option>
          </select>
        </label>
      </div>
      <FieldError error={error} field="month" />
      <FormError error={error} fields={['month']} />
      {data && <p class="muted">{t.total(data.totalCount)}</p>}
      {data?.edges.length === 0 && <p>{t.noVisits}</p>}
      {!!data?.edges.length && (
        <div class="scroll-x">
          <table aria-label={t.visitsOf(data.month)}>
            <thead>
              <tr>
                <th>{t.date}</th>
                <th>{t.space}</th>
                <th>{t.pass}</th>
                <th>{t.amount}</th>
                <th>{t.status}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.edges.map(({ node: visit }) => (
                <tr key={visit.id}>
                  <td>{formatDate(visit.localDate)}</td>
                  <td>{visit.space.name}</td>
                  <td>{visit.pass.serial}</td>
                  <td>{formatMoney(visit.amountCents, currency)}</td>
                  <td>{visit.status === 'VOIDED' ? t.voided : t.accepted}</td>
                  <td>
                    {visit.status === 'ACCEPTED' &&
                      visit.space.id === spaceId &&
                      (voiding === visit.id ? (
                        <VoidForm
                          api={props.api}
                          visit={visit}
                          onCancel={() => setVoiding(undefined)}
                          onDone={() => {
                            setVoiding(undefined);
                            setReload(reload + 1);
                          }}
                        />
                      ) : (
                        <button type="button" class="secondary" onClick={() => setVoiding(visit.id)}>
                          {t.void}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
