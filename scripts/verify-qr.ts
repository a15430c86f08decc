/**
 * Checks a QR code the way a scanner does offline: downloads the gateway's public key set once, then
 * verifies the code locally, with no call to any API. Useful at a front desk or to debug a code.
 *   npx ts-node -r tsconfig-paths/register --transpile-only scripts/verify-qr.ts <gateway base URL> <token>
 *   e.g. scripts/verify-qr.ts http://localhost:3000 eyJhbGciOiJFUzI1NiIs...
 * Prints one sentence; exits 0 when the code is valid, 1 when it is not (or cannot be checked), 2 on
 * a usage error.
 */
import { createOfflineVerifier, PassCredentialJwks } from '@passerelle/credentials';

const USAGE = 'usage: verify-qr.ts <gateway base URL> <token>';

async function main(): Promise<number> {
  const [base, token, ...extra] = process.argv.slice(2);
  if (!base || !token || extra.length > 0 || !URL.canParse(base)) {
    console.error(USAGE);
    return 2;
  }
  // Appended rather than resolved, so a gateway served under a path prefix works too.
  const jwksUrl = `${base.replace(/\/+$/, '')}/.well-known/jwks.json`;
  let verify: ReturnType<typeof createOfflineVerifier>;
  try {
    const response = await fetch(jwksUrl, { signal: AbortSignal.timeout(10_000) });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const jwks = (await response.json()) as PassCredentialJwks;
    if (!Array.isArray(jwks?.keys)) throw new Error('the answer is not a key set');
    verify = createOfflineVerifier(jwks);
  } catch (error) {
    console.log(
      `Cannot check the code: the network keys could not be loaded from ${jwksUrl} (${(error as Error).message}).`,
    );
    return 1;
  }

  const check = verify(token.trim());
  if (check.ok) {
    const { passId, networkId, printed, expiresAt } = check.claims;
    const kind = printed ? 'a printed code' : 'a rotating code';
    const until = expiresAt ? `valid until ${expiresAt.toISOString()}` : 'with no expiry';
    console.log(`Valid: pass ${passId} of network ${networkId}, ${kind} ${until}.`);
    return 0;
  }
  console.log(
    check.reason === 'EXPIRED_CREDENTIAL'
      ? 'Not valid: the code is genuine but has expired; ask for a fresh one.'
      : 'Not valid: the code is malformed, was altered, or was not signed by any key of the network.',
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
