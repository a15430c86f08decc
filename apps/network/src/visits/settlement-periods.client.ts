import { Inject, Injectable } from '@nestjs/common';
import { callInternal } from '@passerelle/auth';

export const SETTLEMENT_LINK = Symbol('SETTLEMENT_LINK');

export interface SettlementLink {
  /** Base URL of the settlement subgraph; asked at each call, as it may start listening after this one. */
  url: () => string;
  internalApiKey: string;
}

/** The answer of the settlement subgraph's `/internal/visit-periods/moved` (see its controller). */
export interface MovedVisits {
  /** Visits of other months settled in this one: they arrived after their own month closed. */
  movedIn: string[];
  /** Visits of this month settled in a later one, for the same reason. */
  movedOut: string[];
}

/**
 * Settlement alone decides which period a visit is settled in (it owns the closed months); the
 * `visits` month filter asks it for the exceptions to "a visit's period is its own month".
 */
@Injectable()
export class SettlementPeriodsClient {
  constructor(@Inject(SETTLEMENT_LINK) private readonly link: SettlementLink) {}

  moved(networkId: string, month: string): Promise<MovedVisits> {
    return callInternal(this.link.url(), '/internal/visit-periods/moved', this.link.internalApiKey, {
      networkId,
      month,
    });
  }
}
