import { Inject, Injectable } from '@nestjs/common';
import { callEndpoint } from '@passerelle/auth';
import { MOVED_VISITS, MovedVisits } from '@passerelle/contracts';

export const SETTLEMENT_LINK = Symbol('SETTLEMENT_LINK');

export interface SettlementLink {
  /** Base URL of the settlement subgraph; asked at each call, as it may start listening after this one. */
  url: () => string;
  internalApiKey: string;
}

/**
 * Settlement alone decides which period a visit is settled in (it owns the closed months); the
 * `visits` month filter asks it for the exceptions to "a visit's period is its own month".
 */
@Injectable()
export class SettlementPeriodsClient {
  constructor(@Inject(SETTLEMENT_LINK) private readonly link: SettlementLink) {}

  moved(networkId: string, month: string): Promise<MovedVisits> {
    return callEndpoint(this.link.url(), MOVED_VISITS, this.link.internalApiKey, { networkId, month });
  }
}
