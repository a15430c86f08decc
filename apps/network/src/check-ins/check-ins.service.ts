import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { localDate, localMonth } from '@passerelle/calendar';
import { looksLikeCredential, verifyPassCredential } from '@passerelle/credentials';
import { ConflictError, ForbiddenError } from '@passerelle/graphql';
import { appendToOutbox } from '@passerelle/outbox';
import { decode } from 'jsonwebtoken';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { NetworkKeysService } from '../credentials/network-keys.service';
import { NETWORK_DATA_SOURCE } from '../network.database';
import { PartyKind } from '../parties/party.model';
import { normalizeSerial } from '../passes/serial';
import { PassKind } from '../products/pass-kind';
import { visitEventPayload } from '../visits/visit-events';
import { CheckInStatus, rejected, RejectionReason, StoredResult } from './check-in-result';
import { CheckInInput } from './dto/check-in.input';
import { loadScanContext, ScanContext } from './scan-context';

export const MAX_SYNC_BATCH = 500;
const SYNC_WINDOW_MS = 35 * 24 * 3600 * 1000;
const CLOCK_SKEW_MS = 2 * 60 * 1000;

/**
 * The front-desk decision, rules 1–10 of the design in order. Everything after the caller check runs
 * in one transaction whose first write is the idempotency record, so a repeated key waits for the
 * first and gets its result; the debit, the seat and the day quota are conditional writes that a
 * concurrent scan cannot both pass.
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
    return this.record(input, caller, new Date());
  }

  /** An offline scanner's upload: in order, one result each; a bad item does not stop the rest. */
  async sync(inputs: CheckInInput[], caller: Caller): Promise<StoredResult[]> {
    for (const spaceId of new Set(inputs.map((input) => input.spaceId))) await this.requireDesk(caller, spaceId);
    const results: StoredResult[] = [];
    for (const input of inputs) results.push(await this.record(input, caller, new Date()));
    return results;
  }

  /** Rule 1: a scanner of that space, or an operator of it. */
  private async requireDesk(caller: Caller, spaceId: string): Promise<void> {
    if (caller.kind === 'scanner') {
      if (caller.spaceId !== spaceId) throw new ForbiddenError('This scanner can only check in at its own space.');
      return;
    }
    const userId = requireUser(caller);
    if (!(await this.access.isSpaceOperator(userId, spaceId))) {
      throw new ForbiddenError('Only a scanner or an operator of this space may check people in here.');
    }
  }

  private async record(input: CheckInInput, caller: Caller, now: Date): Promise<StoredResult> {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([input.spaceId, input.credential, input.occurredAt?.toISOString() ?? null]))
      .digest('hex');
    return this.dataSource.transaction(async (manager) => {
      // Rule 2. A concurrent scan with the same key blocks here until the first one commits.
      const claimed: unknown[] = await manager.query(
        `INSERT INTO check_ins (space_id, idempotency_key, fingerprint) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING space_id`,
        [input.spaceId, input.idempotencyKey, fingerprint],
      );
      if (claimed.length === 0) {
        const [first]: Array<{ fingerprint: string; result: StoredResult }> = await manager.query(
          'SELECT fingerprint, result FROM check_ins WHERE space_id = $1 AND idempotency_key = $2',
          [input.spaceId, input.idempotencyKey],
        );
        if (first.fingerprint !== fingerprint) {
          throw new ConflictError('This idempotencyKey was already used for a different scan.', 'idempotencyKey');
        }
        return first.result;
      }
      const result = await this.decide(manager, input, caller, now);
      await manager.query('UPDATE check_ins SET result = $3 WHERE space_id = $1 AND idempotency_key = $2', [
        input.spaceId,
        input.idempotencyKey,
        JSON.stringify(result),
      ]);
      return result;
    });
  }

  private async decide(manager: EntityManager, input: CheckInInput, caller: Caller, now: Date): Promise<StoredResult> {
    const at = input.occurredAt ?? now;
    if (at.getTime() < now.getTime() - SYNC_WINDOW_MS || at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      return rejected(RejectionReason.OUTSIDE_SYNC_WINDOW);
    }
    const found = await this.findPass(manager, input, at);
    if ('reason' in found) return rejected(found.reason);
    const scan = found.context;
    if (scan.revokedAt || (scan.validUntil && scan.validUntil.getTime() < at.getTime())) {
      return rejected(RejectionReason.PASS_NOT_ACTIVE, scan.passId);
    }
    if (scan.membershipStatus !== 'ACTIVE') return rejected(RejectionReason.NOT_VALID_AT_SPACE, scan.passId);
    return this.admit(manager, scan, input.spaceId, at, caller);
  }

  /** Rule 4: a QR credential signed by its network's key, or a serial typed by hand. */
  private async findPass(
    manager: EntityManager,
    input: CheckInInput,
    at: Date,
  ): Promise<{ context: ScanContext } | { reason: RejectionReason }> {
    const invalid = { reason: RejectionReason.INVALID_CREDENTIAL };
    const credential = input.credential.trim();
    let lookup: { passId: string; networkId: string } | { serial: string };
    if (looksLikeCredential(credential)) {
      const kid = this.kidOf(credential);
      const key = kid ? await this.keys.verificationKey(kid, at) : undefined;
      if (!key) return invalid;
      const check = verifyPassCredential(credential, (k) => (k === kid ? key.publicKey : undefined), at);
      if (!check.ok) return { reason: check.reason as RejectionReason };
      if (check.claims.networkId !== key.networkId) return invalid;
      lookup = { passId: check.claims.passId, networkId: key.networkId };
    } else {
      const serial = normalizeSerial(credential);
      if (!serial) return invalid;
      lookup = { serial };
    }
    const context = await loadScanContext(manager, lookup, input.spaceId);
    return context ? { context } : invalid;
  }

  private kidOf(token: string): string | undefined {
    try {
      const decoded = decode(token, { complete: true });
      const kid = decoded?.header.kid;
      return typeof kid === 'string' && kid.length <= 128 ? kid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Rules 7–10, inside a savepoint so that a refusal leaves no trace but the stored result. An
   * accepted scan never releases it: the commit does, one round trip fewer on the busy path.
   */
  private async admit(
    manager: EntityManager,
    scan: ScanContext,
    spaceId: string,
    at: Date,
    caller: Caller,
  ): Promise<StoredResult> {
    const day = localDate(at, scan.spaceTimezone);
    const month = localMonth(at, scan.networkTimezone);
    const atHome = scan.kind === PassKind.RECIPROCAL && scan.homeSpaceId === spaceId;
    const units = scan.kind === PassKind.CREDITS ? scan.creditsPerDay! : atHome ? 0 : 1;
    const payerIsHost = scan.payerKind === PartyKind.SPACE && scan.payerId === spaceId;
    const amountCents = payerIsHost ? 0 : units * scan.unitValueCents;
    const takesSeat = !atHome && scan.nomadSeats !== null;
    const quotaMonth =
      scan.kind === PassKind.CORPORATE || (scan.kind === PassKind.RECIPROCAL && !atHome) ? month : null;

    await manager.query('SAVEPOINT admit');
    const refuse = async (reason: RejectionReason) => {
      await manager.query('ROLLBACK TO SAVEPOINT admit');
      return rejected(reason, scan.passId);
    };
    // Rule 7: the partial unique index decides, even when two scans of the pass race.
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO visits (pass_id, space_id, network_id, payer_kind, payer_id, occurred_at, local_date, network_month,
                           units, amount_cents, status, took_seat, quota_month, scanner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'ACCEPTED', $11, $12, $13)
       ON CONFLICT (pass_id, space_id, local_date) WHERE status = 'ACCEPTED' DO NOTHING
       RETURNING id`,
      [
        scan.passId,
        spaceId,
        scan.networkId,
        scan.payerKind,
        scan.payerId,
        at,
        day,
        month,
        units,
        amountCents,
        takesSeat,
        quotaMonth,
        caller.kind === 'scanner' ? caller.scannerId : null,
      ],
    );
    if (inserted.length === 0) {
      const [first]: Array<{ id: string }> = await manager.query(
        `SELECT id FROM visits WHERE pass_id = $1 AND space_id = $2 AND local_date = $3 AND status = 'ACCEPTED'`,
        [scan.passId, spaceId, day],
      );
      return {
        status: CheckInStatus.ACCEPTED,
        reason: null,
        message: 'Already checked in here today: welcome back, nothing more is charged.',
        repeat: true,
        visitId: first.id,
        passId: scan.passId,
      };
    }
    const visitId = inserted[0].id;
    // Rule 8.
    if (takesSeat) {
      const seat: unknown[] =
        scan.nomadSeats! > 0
          ? await manager.query(
              `INSERT INTO space_day_seats (network_id, space_id, local_date, taken) VALUES ($1, $2, $3, 1)
               ON CONFLICT (network_id, space_id, local_date)
               DO UPDATE SET taken = space_day_seats.taken + 1 WHERE space_day_seats.taken < $4
               RETURNING taken`,
              [scan.networkId, spaceId, day, scan.nomadSeats],
            )
          : [];
      if (seat.length === 0) return refuse(RejectionReason.SPACE_FULL);
    }
    // Rule 9.
    if (scan.kind === PassKind.COUPON_BOOK || scan.kind === PassKind.CREDITS) {
      // For an UPDATE, pg through TypeORM answers [rows, affected count].
      const [, debited]: [unknown[], number] = await manager.query(
        'UPDATE passes SET remaining_units = remaining_units - $2 WHERE id = $1 AND remaining_units >= $2',
        [scan.passId, units],
      );
      if (debited === 0) return refuse(RejectionReason.PASS_EXHAUSTED);
    } else if (quotaMonth) {
      const counted: unknown[] = await manager.query(
        `INSERT INTO pass_month_usage (pass_id, month, days_used) VALUES ($1, $2, 1)
         ON CONFLICT (pass_id, month)
         DO UPDATE SET days_used = pass_month_usage.days_used + 1
         WHERE $3::integer IS NULL OR pass_month_usage.days_used < $3::integer
         RETURNING days_used`,
        [scan.passId, quotaMonth, scan.freeDaysPerMonth],
      );
      if (counted.length === 0) return refuse(RejectionReason.QUOTA_EXCEEDED);
    }
    // Rule 10: the event commits with the visit, or neither exists.
    await appendToOutbox(
      manager,
      'visit.accepted',
      visitEventPayload({
        id: visitId,
        networkId: scan.networkId,
        passId: scan.passId,
        spaceId,
        payerKind: scan.payerKind,
        payerId: scan.payerId,
        occurredAt: at,
        localDate: day,
        networkMonth: month,
        units,
        amountCents,
      }),
    );
    return {
      status: CheckInStatus.ACCEPTED,
      reason: null,
      message: 'Welcome! Checked in for the day.',
      repeat: false,
      visitId,
      passId: scan.passId,
    };
  }
}
