import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { formatDate, formatMoney } from '../shared/i18n';
import { asApiError, FieldError, FormError } from '../shared/ui';
import type { WorkContext } from './context';
import { currentMonth, MonthField } from './month-field';
import { t } from './strings';

const PERIOD = graphql(`
  query ConsolePeriod($networkId: ID!, $month: String!) {
    period(networkId: $networkId, month: $month) {
      month
      status
      closedAt
      visitCount
      grossCents
      statements {
        party {
          id
          name
        }
        receivableCents
        payableCents
        netCents
      }
      obligations {
        payer {
          name
        }
        payee {
          name
        }
        visits
        amountCents
      }
      transfers {
        from {
          name
        }
        to {
          name
        }
        amountCents
      }
    }
  }
`);

const CSV = graphql(`
  query ConsolePeriodCsv($networkId: ID!, $month: String!) {
    period(networkId: $networkId, month: $month) {
      csv
    }
  }
`);

const CLOSE = graphql(`
  mutation ClosePeriod($networkId: ID!, $month: String!) {
    closePeriod(networkId: $networkId, month: $month) {
      status
    }
  }
`);

type Period = ResultOf<typeof PERIOD>['period'];

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function MonthSection(props: { api: Api; context: WorkContext }) {
  const { networkId, networkName, currency, admin } = props.context;
  const [month, setMonth] = useState(currentMonth());
  const [period, setPeriod] = useState<Period>();
  const [error, setError] = useState<ApiError>();
  const [confirming, setConfirming] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    setError(undefined);
    setPeriod(undefined);
    // A slower answer for the month shown before must not replace the one asked for last.
    let current = true;
    props.api
      .run(PERIOD, { networkId, month })
      .then((data) => current && setPeriod(data.period))
      .catch((caught) => current && setError(asApiError(caught)));
    return () => {
      current = false;
    };
  }, [networkId, month, reload]);
  const money = (cents: number) => formatMoney(cents, currency);
  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{t.sections.month}</h2>
      <MonthField value={month} onChange={setMonth} />
      <FieldError error={error} field="month" />
      <FormError error={error} fields={['month']} />
      {period && (
        <>
          <dl>
            <dt>{t.status}</dt>
            <dd>
              {t.periodStatus[period.status]}
              {period.closedAt && ` — ${t.closedAt} ${formatDate(period.closedAt)}`}
            </dd>
            <dt>{t.visitCount}</dt>
            <dd>{period.visitCount}</dd>
            <dt>{t.gross}</dt>
            <dd>{money(period.grossCents)}</dd>
          </dl>
          <p class="row">
            <button
              type="button"
              class="secondary"
              onClick={() =>
                run(async () => {
                  const { period: withCsv } = await props.api.run(CSV, { networkId, month });
                  download(`passerelle-${networkName.toLowerCase().replace(/\W+/g, '-')}-${month}.csv`, withCsv.csv);
                })
              }
            >
              {t.downloadCsv}
            </button>
            {admin && period.status === 'OPEN' && (
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                {t.closeMonth}
              </button>
            )}
          </p>
          {confirming && (
            <div class="card notice" role="alertdialog" aria-labelledby="close-what">
              <p id="close-what">{t.closeWhat(month)}</p>
              <button
                type="button"
                class="danger"
                onClick={() =>
                  run(async () => {
                    await props.api.run(CLOSE, { networkId, month });
                    setConfirming(false);
                    setReload(reload + 1);
                  })
                }
              >
                {t.confirmClose(month)}
              </button>{' '}
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {t.cancel}
              </button>
            </div>
          )}
          <h3>{t.statements}</h3>
          <table aria-label={t.statements}>
            <thead>
              <tr>
                <th>{t.party}</th>
                <th>{t.receivable}</th>
                <th>{t.payable}</th>
                <th>{t.net}</th>
              </tr>
            </thead>
            <tbody>
              {period.statements.map((s) => (
                <tr key={s.party.id}>
                  <td>{s.party.name}</td>
                  <td>{money(s.receivableCents)}</td>
                  <td>{money(s.payableCents)}</td>
                  <td>{money(s.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t.obligations}</h3>
          <ul>
            {period.obligations.map((o, index) => (
              <li key={index}>
                {o.payer.name} → {o.payee.name}: {money(o.amountCents)} ({o.visits})
              </li>
            ))}
          </ul>
          <h3>{t.transfers}</h3>
          <ul>
            {period.transfers.map((transfer, index) => (
              <li key={index}>
                {transfer.from.name} → {transfer.to.name}: {money(transfer.amountCents)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
