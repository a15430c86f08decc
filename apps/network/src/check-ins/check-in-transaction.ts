import { createHash } from 'node:crypto';
import { rejected, RejectionReason, StoredResult } from './check-in-outcome';
import { Admissions, judgePass, PassLookup, placeOf, ScanContext, ScanPlace } from './check-in-rules';
import {
  claimKeys,
  lockDayStates,
  lockScanContexts,
  recordOutcomes,
  Statements,
  StoredKeyRow,
  storedResults,
} from './check-in-statements';
import { IdempotencyKeyReusedError } from './check-ins.errors';
import { SerialGuesses } from './serial-guesses';

export type { Statements } from './check-in-statements';

/** An idempotency key at its space, with a hash of what was sent (the same key with other data is a CONFLICT). */
export interface ScanKey {
  spaceId: string;
  idempotencyKey: string;
  fingerprint: string;
}

export function scanKeyOf(input: {
  spaceId: string;
  idempotencyKey: string;
  credential: string;
  occurredAt?: Date | null;
}): ScanKey {
  return {
    spaceId: input.spaceId,
    idempotencyKey: input.idempotencyKey,
    fingerprint: createHash('sha256')
      .update(JSON.stringify([input.spaceId, input.credential, input.occurredAt?.toISOString() ?? null]))
      .digest('hex'),
  };
}

/** A key is scoped to its space: the same string at two spaces is two keys. */
function keyOf(key: Pick<ScanKey, 'spaceId' | 'idempotencyKey'>): string {
  return `${key.spaceId}\u0000${key.idempotencyKey}`;
}

/** One scan of a batch, once what needs no database row is judged (check-in-rules.ts' judgeSent). */
export interface SentScan {
  key: ScanKey;
  /** The field to name if its key was used for another scan. */
  keyField: string;
  at: Date;
  verdict: PassLookup | RejectionReason;
}

/** Who scans: the desk whose unknown serials are counted (a scanner or an operator), the scanner if any. */
export interface Desk {
  deskId: string;
  scannerId: string | null;
}

/** Runs `work` in one transaction of the network database, over the statements' connection. */
export type InTransaction = <T>(work: (statements: Statements) => Promise<T>) => Promise<T>;

/**
 * The check-in's transaction, rules 2 and 4–10 for one scan or an upload of up to 500, one result
 * each in order. Four statements whatever the batch size: claim the idempotency keys (rule 2), lock
 * the passes and read their context, read the day's visits, quota days and seats (locking the seat
 * rows), then write the visits, what they take, their events and every result. The rules
 * (check-in-rules.ts) are judged in order in between, on locked rows, so a concurrent scan can never
 * see a half-taken seat or coupon. The network subgraph and the benchmark's SQL floor both run this.
 */
export function recordCheckIns(inTransaction: InTransaction, scans: SentScan[], desk: Desk): Promise<StoredResult[]> {
  return inTransaction(async (statements) => {
    const results: StoredResult[] = new Array(scans.length);
    const { toDecide, sameAs } = await claim(statements, scans, results);

    // Rules 4–6 on the locked passes; typed serials within the desk's cap of unknown ones.
    const lookups = toDecide.filter((index) => typeof scans[index].verdict !== 'string');
    const found = await lockScanContexts(
      statements,
      lookups.map((index) => ({ lookup: scans[index].verdict as PassLookup, spaceId: scans[index].key.spaceId })),
      lookups.some((index) => 'serial' in (scans[index].verdict as PassLookup)) ? desk.deskId : null,
    );
    const contexts = new Map(lookups.map((index, i) => [index, found.contexts[i]]));
    const guesses = new SerialGuesses(found.serialMisses);
    const admitting: Array<{ index: number; context: ScanContext; place: ScanPlace }> = [];
    for (const index of toDecide) {
      const { verdict, key, at } = scans[index];
      const context = contexts.get(index) ?? null;
      const refusal = typeof verdict === 'string' ? rejected(verdict) : judgePass(verdict, context, at, guesses);
      if (refusal) results[index] = refusal;
      else admitting.push({ index, context: context!, place: placeOf(context!, key.spaceId, at) });
    }

    // Rules 7–9, in upload order, then rule 10 with the results in one write.
    const states = await lockDayStates(
      statements,
      admitting.map(({ place }) => place),
    );
    const admissions = new Admissions();
    admitting.forEach(({ index, context, place }, i) => {
      results[index] = admissions.decide(context, place, states[i], scans[index].at, desk.scannerId);
    });
    await recordOutcomes(
      statements,
      admissions.visits,
      toDecide.map((index) => ({ ...scans[index].key, result: results[index] })),
      { deskId: desk.deskId, added: guesses.added },
    );
    for (const [index, first] of sameAs) results[index] = results[first];
    return results;
  });
}

/**
 * Rule 2: claims the batch's keys. Fills in the stored result of a key used before (the same scan
 * sent again), refuses a key used for another scan, and returns the scans left to decide (the first
 * of each newly claimed key) and, for a key sent twice in one upload, which scan the later one repeats.
 */
async function claim(
  statements: Statements,
  scans: SentScan[],
  results: StoredResult[],
): Promise<{ toDecide: number[]; sameAs: Map<number, number> }> {
  const keys = scans.map((scan) => scan.key);
  const claims = new Map<string, StoredKeyRow | 'claimed'>();
  for (const row of await claimKeys(statements, keys)) claims.set(keyOf(keyOfRow(row)), 'claimed');
  if (claims.size < keys.length) {
    for (const row of await storedResults(statements, keys)) {
      const key = keyOf(keyOfRow(row));
      if (!claims.has(key)) claims.set(key, row);
    }
  }
  const firstOfKey = new Map<string, number>();
  const toDecide: number[] = [];
  const sameAs = new Map<number, number>();
  scans.forEach((scan, index) => {
    const claim = claims.get(keyOf(scan.key));
    if (!claim) throw new Error('An idempotency key was neither claimed nor found: the upload can be sent again.');
    const first = firstOfKey.get(keyOf(scan.key));
    const earlier = claim === 'claimed' ? (first === undefined ? undefined : scans[first].key) : claim;
    if (earlier && earlier.fingerprint !== scan.key.fingerprint) throw new IdempotencyKeyReusedError(scan.keyField);
    if (claim !== 'claimed') results[index] = claim.result;
    else if (first !== undefined) sameAs.set(index, first);
    else {
      firstOfKey.set(keyOf(scan.key), index);
      toDecide.push(index);
    }
  });
  return { toDecide, sameAs };
}

function keyOfRow(row: { space_id: string; idempotency_key: string }): Pick<ScanKey, 'spaceId' | 'idempotencyKey'> {
  return { spaceId: row.space_id, idempotencyKey: row.idempotency_key };
}
