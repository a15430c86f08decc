import { dataOf, postGraphQL } from '@passerelle/graphql';
import type { BenchContext } from '../lib/context';
import { PASSWORD } from '../lib/fixtures';
import { classifyGraphQL, httpLoad, HttpLoadRun } from '../lib/http-load';
import { progress, sleep } from '../lib/log';
import { waitUntilQuiet } from '../lib/quiet';
import type { Row } from '../lib/report';
import { latencyOf, mergeHistograms, round } from '../lib/stats';
import { checkInRun, describeRun, Measured, rowOf } from './check-in-load';
import type { Scenario } from './scenario';
import { verifiedSignUp } from '../lib/sign-up';

/** A few front desks scanning, as a busy network has: the load is not the point, its latency is. */
const DESKS = 4;
/** One holder's app asking for its QR images as fast as the server answers, on this many connections. */
const QR_CONNECTIONS = 8;
const QR_PASSES = 4;
/** The most that another client's images may add to check-in p99 (the issue's target). */
const MAX_ADDED_P99_MS = 100;

const LOG_IN = `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const ISSUE = `mutation ($input: IssuePassInput!) { issuePass(input: $input) { id } }`;
/** Both images of one pass: what a wallet app shows. */
const QR_IMAGES = `query ($id: ID!) { pass(id: $id) { qr { svg pngDataUrl } } }`;

/**
 * Scenario 6: check-in latency through the gateway while another client asks for QR images at full
 * speed, against check-in measured alone in the same run (the two interleaved, repeated).
 */
export const isolationScenario: Scenario = {
  id: 'isolation',
  number: 6,
  title: `Isolation: check-in via gateway (c=${DESKS}) while another client asks for QR images nonstop`,
  async run(ctx: BenchContext) {
    const { options } = ctx;
    const server = await ctx.server();
    const fixtures = await ctx.fixtures();
    const qrRequests = await qrClient(server.gatewayUrl, fixtures.sellerSpaceId, fixtures.productId);
    const qrLoad = (seconds: number) =>
      httpLoad({
        url: server.gatewayUrl,
        concurrency: QR_CONNECTIONS,
        durationSeconds: seconds,
        next: qrRequests,
        classify: (status, body) =>
          status === 200 && body.includes('"svg":"<svg') && body.includes('"pngDataUrl":"data:image/png;base64,')
            ? 'accepted'
            : classifyGraphQL(status, body),
      });

    progress(`Warming up (${options.warmupSeconds} s each)…`);
    await checkInRun(ctx, server.gatewayUrl, DESKS, options.warmupSeconds);
    await qrLoad(options.warmupSeconds);
    await waitUntilQuiet(ctx.db.pool);

    const alone: Measured[] = [];
    const loaded: Measured[] = [];
    const images: HttpLoadRun[] = [];
    for (let r = 1; r <= options.runs; r += 1) {
      const run = await checkInRun(ctx, server.gatewayUrl, DESKS, options.durationSeconds);
      progress(describeRun(`run ${r}/${options.runs} check-in alone`, run));
      alone.push(run);
      await waitUntilQuiet(ctx.db.pool);
      await sleep(300);
      const [withImages, qr] = await Promise.all([
        checkInRun(ctx, server.gatewayUrl, DESKS, options.durationSeconds),
        qrLoad(options.durationSeconds),
      ]);
      progress(describeRun(`run ${r}/${options.runs} check-in beside QR images`, withImages));
      progress(describeRun(`run ${r}/${options.runs} QR images`, { ...qr, concurrency: QR_CONNECTIONS }));
      loaded.push(withImages);
      images.push(qr);
      await waitUntilQuiet(ctx.db.pool);
      await sleep(300);
    }

    const aloneRow = rowOf('check-in via gateway, alone', alone);
    const loadedRow = rowOf('check-in via gateway, beside QR images', loaded);
    const imagesRow: Row = rowOf('QR images (svg + png of one pass per request)', images, 'req/s');
    const added = round(loadedRow.p99Ms! - aloneRow.p99Ms!, 1);
    const addedText = `${added < 0 ? '−' : '+'}${Math.abs(added)} ms`;
    const ratio = round(loadedRow.p99Ms! / aloneRow.p99Ms!, 2);
    loadedRow.value = `p99 ×${ratio} (${addedText})`;
    const all = latencyOf(mergeHistograms(images.map((run) => run.latency)));
    imagesRow.value = `${Math.round(imagesRow.rate! * 2)} images/s, max ${all.maxMs} ms`;
    return {
      rows: [aloneRow, loadedRow, imagesRow],
      targets: [
        {
          name: `check-in p99 added by another client's QR images, c=${DESKS}`,
          goal: `≤ ${MAX_ADDED_P99_MS} ms`,
          measured: `${addedText} (p99 ${aloneRow.p99Ms} → ${loadedRow.p99Ms} ms, ×${ratio})`,
          ok: added <= MAX_ADDED_P99_MS,
        },
      ],
      notes: [
        `${DESKS} scanners check in new visits (as scenario 1) for ${options.durationSeconds} s alone, then for as long ` +
          `beside one holder asking for both QR images of one of ${QR_PASSES} passes per request on ${QR_CONNECTIONS} ` +
          `connections as fast as the server answers; ${options.runs} run(s), alone and beside interleaved.`,
        'p99 over every check-in of all runs; the ratio and the added delay compare the two in this same run.',
      ],
    };
  },
};

/** A holder of their own with a few passes issued through the API; each request asks for the next pass's images. */
async function qrClient(gatewayUrl: string, sellerSpaceId: string, productId: string) {
  const call = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    dataOf(await postGraphQL<T>(gatewayUrl, query, variables, token));
  const admin = (
    await call<{ logIn: { accessToken: string } }>(LOG_IN, {
      input: { email: 'admin@bench.example', password: PASSWORD },
    })
  ).logIn.accessToken;
  const email = `qr-holder-${Date.now()}@bench.example`;
  const holder = (await verifiedSignUp(gatewayUrl, { email, password: PASSWORD, displayName: 'Bench QR holder' }))
    .accessToken;
  const passIds: string[] = [];
  for (let i = 0; i < QR_PASSES; i += 1) {
    const input = { productId, holderEmail: email, issuingSpaceId: sellerSpaceId };
    passIds.push((await call<{ issuePass: { id: string } }>(ISSUE, { input }, admin)).issuePass.id);
  }
  let n = 0;
  return () => ({
    body: JSON.stringify({ query: QR_IMAGES, variables: { id: passIds[(n += 1) % passIds.length] } }),
    headers: { authorization: `Bearer ${holder}` },
  });
}
