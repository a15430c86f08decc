import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import { controllerPath, MOVED_VISITS, MovedVisits, UncheckedRequestOf } from '@passerelle/contracts';
import { isUuid } from '@passerelle/database';
import { VisitPeriodsService } from './visit-periods.service';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * For the network subgraph's `visits(filter: { month })`, which is by period month: the few visits
 * whose period is not their own month, so that it can filter its own table without a list of the
 * month's ids.
 */
@Controller()
@UseGuards(InternalApiGuard)
export class VisitPeriodsController {
  constructor(private readonly periods: VisitPeriodsService) {}

  @Post(controllerPath(MOVED_VISITS))
  @HttpCode(200)
  moved(@Body() body: UncheckedRequestOf<typeof MOVED_VISITS>): Promise<MovedVisits> {
    const { networkId, month } = body ?? {};
    if (typeof networkId !== 'string' || !isUuid(networkId) || typeof month !== 'string' || !MONTH.test(month)) {
      throw new BadRequestException('networkId must be a UUID and month YYYY-MM');
    }
    return this.periods.moved(networkId, month);
  }
}
