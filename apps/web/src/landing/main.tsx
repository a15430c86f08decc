import { useEffect, useState } from 'preact/hooks';
import { createApi } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { pick } from '../shared/i18n';
import { mount, TopBar } from '../shared/ui';

const NETWORKS = graphql(`
  query Directory {
    networks {
      id
      name
      spaces {
        id
        name
        city
      }
    }
  }
`);

const t = pick({
  fr: {
    intro: 'Un pass, tous les espaces de coworking du réseau.',
    wallet: 'Mon pass',
    walletWhat: 'Pour les nomades : vos pass et leur QR code.',
    desk: 'Accueil',
    deskWhat: "Pour l'accueil d'un espace : scanner les pass, même hors ligne.",
    console: 'Console',
    consoleWhat: 'Pour les opérateurs et administrateurs : visites, mois, membres, pass.',
    directory: 'Les réseaux',
    developers: 'Développeurs : l’API GraphQL est à /graphql (schéma dans le dépôt, docs/).',
    ide: 'Essayer l’API dans GraphiQL',
  },
  en: {
    intro: 'One pass, every coworking space of the network.',
    wallet: 'Wallet',
    walletWhat: 'For nomads: your passes and their QR code.',
    desk: 'Desk',
    deskWhat: "For a space's front desk: scan passes, offline too.",
    console: 'Console',
    consoleWhat: 'For operators and network admins: visits, the month, members, passes.',
    directory: 'Networks',
    developers: 'Developers: the GraphQL API is at /graphql (schema in the repository, docs/).',
    ide: 'Try the API in GraphiQL',
  },
});

function Directory() {
  const [networks, setNetworks] = useState<ResultOf<typeof NETWORKS>['networks']>();
  useEffect(() => {
    createApi(() => undefined)
      .run(NETWORKS, {})
      .then((data) => setNetworks(data.networks))
      .catch(() => setNetworks([]));
  }, []);
  if (!networks?.length) return null;
  return (
    <section class="card" aria-labelledby="directory">
      <h2 id="directory">{t.directory}</h2>
      {networks.map((network) => (
        <div key={network.id}>
          <h3>{network.name}</h3>
          <ul>
            {network.spaces.map((space) => (
              <li key={space.id}>
                {space.name} — {space.city}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** GraphiQL, linked where the gateway serves it: in development, not in production. */
function Ide() {
  const [served, setServed] = useState(false);
  useEffect(() => {
    fetch('/graphiql/', { method: 'HEAD' })
      .then((response) => setServed(response.ok))
      .catch(() => setServed(false));
  }, []);
  return served ? (
    <p>
      <a href="/graphiql/">{t.ide}</a>
    </p>
  ) : null;
}

function Landing() {
  const apps = [
    { href: '/wallet/', name: t.wallet, what: t.walletWhat },
    { href: '/desk/', name: t.desk, what: t.deskWhat },
    { href: '/console/', name: t.console, what: t.consoleWhat },
  ];
  return (
    <>
      <TopBar title="" />
      <main>
        <h1>Passerelle</h1>
        <p>{t.intro}</p>
        {apps.map((app) => (
          <p class="card" key={app.href}>
            <a href={app.href}>
              <strong>{app.name}</strong>
            </a>
            <br />
            <span class="muted">{app.what}</span>
          </p>
        ))}
        <Directory />
        <p class="muted">{t.developers}</p>
        <Ide />
      </main>
    </>
  );
}

mount(<Landing />);
