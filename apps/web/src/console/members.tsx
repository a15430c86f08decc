import { useEffect, useState } from 'preact/hooks';
import type { Api, ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { asApiError, FormError } from '../shared/ui';
import type { WorkContext } from './context';
import { t } from './strings';

const MEMBERSHIPS = graphql(`
  query ConsoleMemberships($id: ID!) {
    network(id: $id) {
      id
      memberships {
        id
        status
        nomadSeats
        creditsPerDay
        space {
          name
          city
        }
      }
    }
  }
`);

const APPROVE = graphql(`
  mutation Approve($id: ID!) {
    approveMembership(membershipId: $id) {
      id
    }
  }
`);

const SUSPEND = graphql(`
  mutation Suspend($id: ID!) {
    suspendMembership(membershipId: $id) {
      id
    }
  }
`);

type Membership = NonNullable<ResultOf<typeof MEMBERSHIPS>['network']>['memberships'][number];

export function MembersSection(props: { api: Api; context: WorkContext }) {
  const [memberships, setMemberships] = useState<Membership[]>();
  const [error, setError] = useState<ApiError>();
  const [reload, setReload] = useState(0);
  useEffect(() => {
    props.api
      .run(MEMBERSHIPS, { id: props.context.networkId })
      .then((data) => setMemberships(data.network?.memberships ?? []))
      .catch((caught) => setError(asApiError(caught)));
  }, [props.context.networkId, reload]);
  const act = async (work: Promise<unknown>) => {
    try {
      await work;
      setReload(reload + 1);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  if (!props.context.admin) return <p>{t.adminsOnly}</p>;
  return (
    <section aria-labelledby="section-title">
      <h2 id="section-title">{t.members}</h2>
      <FormError error={error} fields={[]} />
      <table>
        <tbody>
          {memberships?.map((m) => (
            <tr key={m.id}>
              <td>
                {m.space.name} ({m.space.city})
              </td>
              <td>{m.status}</td>
              <td>
                {m.status === 'PENDING' && (
                  <button type="button" onClick={() => act(props.api.run(APPROVE, { id: m.id }))}>
                    {t.approve}
                  </button>
                )}
                {m.status === 'ACTIVE' && (
                  <button type="button" class="danger" onClick={() => act(props.api.run(SUSPEND, { id: m.id }))}>
                    {t.suspend}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
