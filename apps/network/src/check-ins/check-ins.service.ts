import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { DataSource } from 'typeorm';
import { AccessService, contextOf } from '../access/access.service';
import { Permission } from '../access/permissions';
import { NetworkKeysService } from '../credentials/network-keys.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { rejected, RejectionReason, StoredResult } from './check-in-result';
import { Admissions, judgePass, judgeSent, PassLookup, placeOf, ScanContext, ScanPlace } from './check-in-rules';
import { claimKeys, keyOf, recordOutcomes, ScanKey, scanKeyOf } from './check-in-writes';
import { lockDayStates } from './day-state';
import { IdempotencyKeyReusedError } from './check-ins.errors';
import { CheckInInput } from './dto/check-in.input';
import { lockScanContexts } from './scan-context';
import { SerialGuesses } from './serial-guesses';
import { Statements, statementsOf } from './statements';

export const MAX_SYNC_BATCH = 500;

/** One scan of a batch, once what needs no database row (rules 3 and 4's signature) is judged. */
interface Scan {
  input: CheckInInput;
  at: Date;
  key: ScanKey;
  /** The field to name if its key was used for another scan. */
  keyField: string;
  verdict: PassLookup | RejectionReason;
}

/**
 * The front-desk decision, rules 1–10 of the design in order, for one scan or an offline upload of
 * up to 500. Everything after the caller check runs in one transaction of four statements whatever
 * the batch size: claim the idempotency keys (rule 2), lock the passes and read their context, read
 * the day's visits, quota days and seats (locking the seat rows), then write the visits, what they
 * take, their events and every result. Decisions are taken in order in between, on locked rows, so a
 * concurrent scan can never see a half-taken seat or coupon.
 */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly keys: NetworkKeysService,
  ) {}

  async checkIn(input: CheckInInput, caller: Caller): Promise<StoredResult> {
    await this.requireDesk(caller, input.spaceId);
    const [result] = await this.record([input], ['idempotencyKey'], caller);
    return result;
  }

  /** An offline scanner's upload: in order, one result each; a refused scan does not stop the rest. */
  async sync(inputs: CheckInInput[], caller: Caller): Promise<StoredResult[]> {
    for (const spaceId of new Set(inputs.map((input) => input.spaceId))) await this.requireDesk(caller, spaceId);
    return this.record(
      inputs,
      inputs.map((_, index) => `input[${index}].idempotencyKey`),
      caller,
    );
  }

  /** Rule 1: a scanner of that space, or an operator of it. */
  private async requireDesk(caller: Caller, spaceId: string): Promise<void> {
    await this.access.require(contextOf(caller), Permission.CHECK_IN, { spaceId }, 'check people in here');
  }

  private async record(inputs: CheckInInput[], keyFields: string[], caller: Caller): Promise<StoredResult[]> {
    const now = new Date();
    const scans = await Promise.all(inputs.map((input, index) => this.prepare(input, keyFields[index], now)));
    const scannerId = caller.kind === 'scanner' ? caller.scannerId : null;
    const deskId = scannerId ?? requireUser(caller);
    return this.dataSource.transaction(async (manager) => {
      const statements = statementsOf(manager);
      const results: StoredResult[] = new Array(scans.length);
      const { toDecide, sameAs } = await this.claim(statements, scans, results);

      // Rules 4–6 on the locked passes; typed serials within the desk's cap of unknown ones.
      const lookups = toDecide.filter((index) => typeof scans[index].verdict !== 'string');
      const found = await lockScanContexts(
        statements,
        lookups.map((index) => ({ lookup: scans[index].verdict as PassLookup, spaceId: scans[index].input.spaceId })),
        lookups.some((index) => 'serial' in (scans[index].verdict as PassLookup)) ? deskId : null,
      );
      const contexts = new Map(lookups.map((index, i) => [index, found.contexts[i]]));
      const guesses = new SerialGuesses(found.serialMisses);
      const admitting: Array<{ index: number; context: ScanContext; place: ScanPlace }> = [];
      for (const index of toDecide) {
        const { verdict, input, at } = scans[index];
        const context = contexts.get(index) ?? null;
        const refusal = typeof verdict === 'string' ? rejected(verdict) : judgePass(verdict, context, at, guesses);
        if (refusal) results[index] = refusal;
        else admitting.push({ index, context: context!, place: placeOf(context!, input.spaceId, at) });
      }

      // Rules 7–9, in upload order, then rule 10 with the results in one write.
      const states = await lockDayStates(
        statements,
        admitting.map(({ place }) => place),
      );
      const admissions = new Admissions();
      admitting.forEach(({ index, context, place }, i) => {
        results[index] = admissions.decide(context, place, states[i], scans[index].at, scannerId);
      });
      await recordOutcomes(
        statements,
        admissions.visits,
        toDecide.map((index) => ({ key: scans[index].key, result: results[index] })),
        { deskId, added: guesses.added },
      );
      for (const [index, first] of sameAs) results[index] = results[first];
      return results;
    });
  }

  /** Rules 3 and 4 on what was sent: neither needs the database, so neither holds a lock. */
  private async prepare(input: CheckInInput, keyField: string, now: Date): Promise<Scan> {
    const { at, verdict } = await judgeSent(input, now, (kid, at) => this.keys.verificationKey(kid, at));
    return { input, at, key: scanKeyOf(input), keyField, verdict };
  }

  /**
   * Rule 2: claims the batch's keys. Fills in the stored result of a key used before (the same scan
   * sent again), refuses a key used for another scan, and returns the scans left to decide (the first
   * of each newly claimed key) and, for a key sent twice in one upload, which scan the later one repeats.
   */
  private async claim(
    statements: Statements,
    scans: Scan[],
    results: StoredResult[],
  ): Promise<{ toDecide: number[]; sameAs: Map<number, number> }> {
    const claims = await claimKeys(
      statements,
      scans.map((scan) => scan.key),
    );
    const firstOfKey = new Map<string, number>();
    const toDecide: number[] = [];
    const sameAs = new Map<number, number>();
    scans.forEach((scan, index) => {
      const claim = claims.get(keyOf(scan.key));
      if (!claim) throw new Error('An idempotency key was neither claimed nor found: the upload can be sent again.');
      const first = firstOfKey.get(keyOf(scan.key));
      const earlier = claim === 'claimed' ? (first === undefined ? undefined : scans[first].key) : claim;
      if (earlier && earlier.fingerprint !== scan.key.fingerprint) {
        throw new IdempotencyKeyReusedError(scan.keyField);
      }
      if (claim !== 'claimed') results[index] = claim.result;
      else if (first !== undefined) sameAs.set(index, first);
      else {
        firstOfKey.set(keyOf(scan.key), index);
        toDecide.push(index);
      }
    });
    return { toDecide, sameAs };
  }
}
