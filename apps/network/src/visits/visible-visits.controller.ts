import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { Caller, InternalApiGuard } from '@passerelle/auth';
import {
  controllerPath,
  MAX_VISIBLE_VISIT_IDS,
  ResponseOf,
  UncheckedRequestOf,
  VISIBLE_VISITS,
} from '@passerelle/contracts';
import { contextOf } from '../access/access.service';
import { VisitsService } from './visits.service';

function callerOf(value: unknown): Caller | null {
  const caller = value as Partial<Record<string, unknown>> | null;
  if (caller?.kind === 'user' && typeof caller.userId === 'string') {
    return { kind: 'user', userId: caller.userId, emailVerified: caller.emailVerified === true };
  }
  if (caller?.kind === 'scanner' && typeof caller.scannerId === 'string' && typeof caller.spaceId === 'string') {
    return { kind: 'scanner', scannerId: caller.scannerId, spaceId: caller.spaceId };
  }
  return caller?.kind === 'anonymous' ? { kind: 'anonymous', invalidToken: false } : null;
}

/**
 * For the subgraphs that add fields to Visit (settlement's periodMonth): which of these visits the
 * caller may see, by the same rule (SEE_VISIT) as the network's own Visit fields.
 */
@Controller(controllerPath(VISIBLE_VISITS))
@UseGuards(InternalApiGuard)
export class VisibleVisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @HttpCode(200)
  async visible(@Body() body: UncheckedRequestOf<typeof VISIBLE_VISITS>): Promise<ResponseOf<typeof VISIBLE_VISITS>> {
    const caller = callerOf(body?.caller);
    const ids = body?.visitIds;
    if (
      !caller ||
      !Array.isArray(ids) ||
      ids.length > MAX_VISIBLE_VISIT_IDS ||
      !ids.every((id) => typeof id === 'string')
    ) {
      throw new BadRequestException(`caller and visitIds (at most ${MAX_VISIBLE_VISIT_IDS} strings) are required`);
    }
    const visible = await this.visits.visibleAmong(contextOf(caller), ids as string[]);
    return { visits: visible.map(({ id, networkId, networkMonth }) => ({ id, networkId, networkMonth })) };
  }
}
