import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../shared/api';
import { leaveMailPage, mailPage, SignUpForm, UnverifiedBanner } from '../shared/account';
import { Session } from '../shared/session';
import { common } from '../shared/strings';
import { asApiError, FormError, LoginForm, mount, TopBar, useSession } from '../shared/ui';
import { WorkContext, workContexts } from './context';
import { MembersSection } from './members';
import { MonthSection } from './month';
import { PassesSection } from './passes';
import { ProductsSection } from './products';
import { ScannersSection } from './scanners';
import { t } from './strings';
import { VisitsSection } from './visits';

const session = new Session('console');
const SECTIONS = {
  visits: VisitsSection,
  month: MonthSection,
  members: MembersSection,
  passes: PassesSection,
  scanners: ScannersSection,
  products: ProductsSection,
};
type SectionName = keyof typeof SECTIONS;

function useHashSection(): SectionName {
  const read = () => {
    const name = location.hash.slice(1);
    return (name in SECTIONS ? name : 'visits') as SectionName;
  };
  const [section, setSection] = useState(read());
  useEffect(() => {
    const update = () => setSection(read());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return section;
}

function Workspace() {
  const [contexts, setContexts] = useState<WorkContext[]>();
  const [chosen, setChosen] = useState<string>(localStorage.getItem('passerelle.console.context') ?? '');
  const [error, setError] = useState<ApiError>();
  const section = useHashSection();
  useEffect(() => {
    workContexts(session.api)
      .then(setContexts)
      .catch((caught) => setError(asApiError(caught)));
  }, []);
  if (error) return <FormError error={error} fields={[]} />;
  if (!contexts) return <p>{common.loading}</p>;
  if (contexts.length === 0) return <p>{t.noRoles}</p>;
  const context = contexts.find((c) => c.key === chosen) ?? contexts[0];
  const Section = SECTIONS[section];
  return (
    <>
      <label>
        {t.context}
        <select
          value={context.key}
          onChange={(event) => {
            setChosen(event.currentTarget.value);
            localStorage.setItem('passerelle.console.context', event.currentTarget.value);
          }}
        >
          {contexts.map((c) => (
            <option key={c.key} value={c.key}>
              {c.networkName} — {c.spaceName ?? t.wholeNetwork}
            </option>
          ))}
        </select>
      </label>
      <nav class="sections" aria-label={t.title}>
        {(Object.keys(SECTIONS) as SectionName[]).map((name) => (
          <a key={name} href={`#${name}`} aria-current={name === section ? 'page' : undefined}>
            {t.sections[name]}
          </a>
        ))}
      </nav>
      <Section key={`${context.key}/${section}`} api={session.api} context={context} />
    </>
  );
}

function Console() {
  const user = useSession(session);
  // A role-invitation mail opens /console/sign-up: the invitee signs up here, verified by the token.
  const [invitation, setInvitation] = useState(() => {
    const page = mailPage();
    return page?.kind === 'signUp' ? page : undefined;
  });
  const signedUp = () => {
    leaveMailPage();
    setInvitation(undefined);
  };
  return (
    <>
      <TopBar title={t.title} session={session} />
      <main>
        {user ? (
          <>
            <UnverifiedBanner session={session} />
            <Workspace />
          </>
        ) : invitation ? (
          <>
            <h1>{t.title}</h1>
            <SignUpForm
              session={session}
              invitation={invitation.invitation}
              email={invitation.email}
              onDone={signedUp}
            />
          </>
        ) : (
          <>
            <h1>{t.title}</h1>
            <LoginForm session={session} intro={t.intro} />
          </>
        )}
      </main>
    </>
  );
}

mount(<Console />);
