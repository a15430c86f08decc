import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { formatDate } from '../shared/i18n';
import { registerServiceWorker } from '../shared/offline';
import { Session } from '../shared/session';
import {
  ForgotPassword,
  leaveMailPage,
  mailPage,
  ResetPassword,
  SignUpForm,
  UnverifiedBanner,
  VerifyEmail,
} from '../shared/account';
import { account, common } from '../shared/strings';
import { asApiError, FormError, LoginForm, mount, TopBar, useSession } from '../shared/ui';
import { QrCode } from './qr';
import { t } from './strings';

const MY_PASSES = graphql(`
  query MyPasses {
    myPasses {
      id
      serial
      status
      validUntil
      remainingUnits
      daysUsedThisMonth
      product {
        id
        name
        kind
        freeDaysPerMonth
        allowPrintedQr
      }
      payer {
        name
      }
    }
  }
`);

const PASS_VISITS = graphql(`
  query PassVisits($id: ID!) {
    pass(id: $id) {
      id
      visits(first: 10) {
        edges {
          node {
            id
            localDate
            status
            space {
              name
            }
          }
        }
      }
    }
  }
`);

const PRINTED_QR = graphql(`
  query PrintedQr($id: ID!) {
    pass(id: $id) {
      id
      qr(printed: true) {
        pngDataUrl
      }
    }
  }
`);

type Pass = ResultOf<typeof MY_PASSES>['myPasses'][number];

const session = new Session('wallet');

function Usage({ pass }: { pass: Pass }) {
  if (pass.remainingUnits !== null && pass.remainingUnits !== undefined)
    return (
      <>
        <dt>{t.left}</dt>
        <dd>{t.units(pass.remainingUnits, pass.product.kind)}</dd>
      </>
    );
  if (pass.daysUsedThisMonth === null || pass.daysUsedThisMonth === undefined) return null;
  const limit = pass.product.freeDaysPerMonth;
  return (
    <>
      <dt>{t.daysUsed}</dt>
      <dd>{limit ? `${pass.daysUsedThisMonth} / ${limit}` : pass.daysUsedThisMonth}</dd>
    </>
  );
}

function PrintedCode({ pass }: { pass: Pass }) {
  const [error, setError] = useState<ApiError>();
  const download = async () => {
    try {
      const { pass: printed } = await session.api.run(PRINTED_QR, { id: pass.id });
      const link = document.createElement('a');
      link.href = printed!.qr.pngDataUrl;
      link.download = `passerelle-${pass.serial}.png`;
      link.click();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <>
      <button type="button" class="secondary" onClick={download}>
        {t.download}
      </button>
      <FormError error={error} fields={[]} />
    </>
  );
}

type Visit = NonNullable<ResultOf<typeof PASS_VISITS>['pass']>['visits']['edges'][number]['node'];

/** The pass's last visits, asked for separately: the list of passes stays cheap for the API. */
function Visits({ passId }: { passId: string }) {
  const [visits, setVisits] = useState<Visit[]>();
  useEffect(() => {
    session.api
      .run(PASS_VISITS, { id: passId })
      .then((data) => setVisits(data.pass?.visits.edges.map((edge) => edge.node) ?? []))
      .catch(() => setVisits(undefined));
  }, [passId]);
  if (!visits) return null;
  if (visits.length === 0) return <p class="muted">{t.noVisits}</p>;
  return (
    <ul>
      {visits.map((visit) => (
        <li key={visit.id}>
          {formatDate(visit.localDate)} — {visit.space.name}
          {visit.status === 'VOIDED' && ` (${t.voided})`}
        </li>
      ))}
    </ul>
  );
}

function PassCard({ pass }: { pass: Pass }) {
  const headingId = `pass-${pass.id}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{pass.product.name}</h2>
      <dl>
        <dt>{t.serial}</dt>
        <dd>
          <strong>{pass.serial}</strong>
        </dd>
        <dt>{t.status}</dt>
        <dd>{t.statuses[pass.status] ?? pass.status}</dd>
        <Usage pass={pass} />
        <dt>{t.validUntil}</dt>
        <dd>{pass.validUntil ? formatDate(pass.validUntil) : t.noEnd}</dd>
        <dt>{t.payer}</dt>
        <dd>{pass.payer.name}</dd>
      </dl>
      {pass.status === 'ACTIVE' && <QrCode api={session.api} passId={pass.id} serial={pass.serial} />}
      {pass.status === 'ACTIVE' && pass.product.allowPrintedQr && <PrintedCode pass={pass} />}
      <h3>{t.visits}</h3>
      <Visits passId={pass.id} />
    </article>
  );
}

function Passes() {
  const [passes, setPasses] = useState<Pass[]>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    session.api
      .run(MY_PASSES, {})
      .then((data) => setPasses(data.myPasses))
      .catch((caught) => setError(asApiError(caught)));
  }, []);
  if (error) return <FormError error={error} fields={[]} />;
  if (!passes) return <p>{common.loading}</p>;
  if (passes.length === 0) return <p>{t.noPasses}</p>;
  return (
    <>
      {passes.map((pass) => (
        <PassCard key={pass.id} pass={pass} />
      ))}
    </>
  );
}

type Screen = 'logIn' | 'signUp' | 'forgot' | 'passes';

function Wallet() {
  const user = useSession(session);
  const [page, setPage] = useState(mailPage);
  const [screen, setScreen] = useState<Screen>('logIn');
  // Leaving a mailed page (or after a sign-up) shows the passes, and the banner asks again.
  const done = () => {
    leaveMailPage();
    setPage(undefined);
    setScreen('passes');
  };
  const body = () => {
    if (page?.kind === 'verify') return <VerifyEmail session={session} token={page.token} onDone={done} />;
    if (page?.kind === 'reset') return <ResetPassword session={session} token={page.token} onDone={done} />;
    if (page?.kind === 'signUp' && !user)
      return <SignUpForm session={session} invitation={page.invitation} email={page.email} onDone={done} />;
    if (user)
      return (
        <>
          <UnverifiedBanner session={session} />
          <Passes />
        </>
      );
    const other = (to: Screen, label: string) => (
      <button type="button" class="link" onClick={() => setScreen(to)}>
        {label}
      </button>
    );
    if (screen === 'signUp') return [<SignUpForm session={session} onDone={done} />, other('logIn', t.logInInstead)];
    if (screen === 'forgot') return [<ForgotPassword session={session} />, other('logIn', t.logInInstead)];
    return [
      <LoginForm session={session} intro={t.intro} />,
      other('signUp', t.signUpInstead),
      other('forgot', account.forgot),
    ];
  };
  return (
    <>
      <TopBar title={t.title} session={session} />
      <main>
        <h1>{user && !page ? user.displayName : t.title}</h1>
        {body()}
      </main>
    </>
  );
}

registerServiceWorker();
mount(<Wallet />);
