import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { DataSource } from 'typeorm';
import { AccessService, contextOf } from '../access/access.service';
import { Permission } from '../access/permissions';
import { NetworkKeysService } from '../credentials/network-keys.service';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { StoredResult } from './check-in-outcome';
import { judgeSent } from './check-in-rules';
import { statementsOf } from './check-in-statements';
import { InTransaction, recordCheckIns, scanKeyOf, SentScan } from './check-in-transaction';
import { CheckInInput } from './dto/check-in.input';

export const MAX_SYNC_BATCH = 500;

/**
 * The front-desk decision, rules 1–10 of the design in order, for one scan or an offline upload of
 * up to 500: rule 1 here, rules 3 and 4 on what was sent before any lock (check-in-rules.ts), then
 * the rest in one transaction (check-in-transaction.ts).
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
    const scans = await Promise.all(
      inputs.map(async (input, index): Promise<SentScan> => {
        const { at, verdict } = await judgeSent(input, now, (kid, at) => this.keys.verificationKey(kid, at));
        return { key: scanKeyOf(input), keyField: keyFields[index], at, verdict };
      }),
    );
    const scannerId = caller.kind === 'scanner' ? caller.scannerId : null;
    return recordCheckIns(this.inTransaction, scans, { deskId: scannerId ?? requireUser(caller), scannerId });
  }

  private readonly inTransaction: InTransaction = (work) =>
    this.dataSource.transaction((manager) => work(statementsOf(manager)));
}
