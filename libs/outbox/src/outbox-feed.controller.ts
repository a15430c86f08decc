import { Controller, Get, Query, Type, UseGuards } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { InternalApiGuard } from '@passerelle/auth';
import { EntityManager } from 'typeorm';
import { OutboxEvent, outboxHead, readOutbox } from './outbox';

export const OUTBOX_FEED_MAX = 1000;

/**
 * A producing subgraph's events for the subgraphs that consume them, over HTTP (consumers never read
 * another subgraph's tables), for the producer's named data source.
 */
export function outboxFeedController(dataSourceName: string): Type<unknown> {
  @Controller('internal/outbox')
  @UseGuards(InternalApiGuard)
  class OutboxFeedController {
    constructor(@InjectEntityManager(dataSourceName) private readonly manager: EntityManager) {}

    @Get()
    async events(@Query('after') after?: string, @Query('limit') limit?: string): Promise<{ events: OutboxEvent[] }> {
      const size = Math.min(Math.max(Number(limit) || 100, 1), OUTBOX_FEED_MAX);
      return { events: await readOutbox(this.manager, after, size) };
    }

    @Get('head')
    async head(): Promise<{ position: string }> {
      return { position: await outboxHead(this.manager) };
    }
  }
  return OutboxFeedController;
}
