import { Controller, Get, Query, Type, UseGuards } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { InternalApiGuard } from '@passerelle/auth';
import { EntityManager } from 'typeorm';
import { controllerPath, OUTBOX_FEED, OUTBOX_HEAD, ResponseOf } from '@passerelle/contracts';
import { outboxHead, readOutbox } from './outbox';

export const OUTBOX_FEED_MAX = 1000;

/**
 * A producing subgraph's events for the subgraphs that consume them, over HTTP (consumers never read
 * another subgraph's tables), for the producer's named data source.
 */
export function outboxFeedController(dataSourceName: string): Type<unknown> {
  @Controller()
  @UseGuards(InternalApiGuard)
  class OutboxFeedController {
    constructor(@InjectEntityManager(dataSourceName) private readonly manager: EntityManager) {}

    @Get(controllerPath(OUTBOX_FEED))
    async events(
      @Query('after') after?: string,
      @Query('limit') limit?: string,
    ): Promise<ResponseOf<typeof OUTBOX_FEED>> {
      const size = Math.min(Math.max(Number(limit) || 100, 1), OUTBOX_FEED_MAX);
      return { events: await readOutbox(this.manager, after, size) };
    }

    @Get(controllerPath(OUTBOX_HEAD))
    async head(): Promise<ResponseOf<typeof OUTBOX_HEAD>> {
      return { position: await outboxHead(this.manager) };
    }
  }
  return OutboxFeedController;
}
