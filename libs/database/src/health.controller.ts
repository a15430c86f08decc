import { Controller, Get, Res, Type } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

/** A subgraph's /health, for its named data source: it answers, and so does its database. */
export function databaseHealthController(dataSourceName: string): Type<unknown> {
  @Controller()
  class DatabaseHealthController {
    constructor(@InjectDataSource(dataSourceName) private readonly dataSource: DataSource) {}

    @Get('health')
    async health(@Res() reply: FastifyReply): Promise<void> {
      try {
        await this.dataSource.query('SELECT 1');
        await reply.status(200).send({ status: 'ok', database: 'ok' });
      } catch {
        await reply.status(503).send({ status: 'down', database: 'down' });
      }
    }
  }
  return DatabaseHealthController;
}
