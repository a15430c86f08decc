import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

export const SUBGRAPH_URLS = Symbol('SUBGRAPH_URLS');
export type SubgraphUrls = Record<string, string>;

interface SubgraphHealth {
  status: 'ok' | 'down';
  database?: 'ok' | 'down';
  error?: string;
}

/** Reports each subgraph and, through them, the database: 200 when everything answers, else 503. */
@Controller()
export class HealthController {
  constructor(@Inject(SUBGRAPH_URLS) private readonly subgraphs: SubgraphUrls) {}

  @Get('health')
  async health(@Res() reply: FastifyReply): Promise<void> {
    const entries = await Promise.all(
      Object.entries(this.subgraphs).map(async ([name, url]): Promise<[string, SubgraphHealth]> => {
        try {
          const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(3000) });
          const body = (await response.json()) as { database?: 'ok' | 'down' };
          return [name, { status: response.ok ? 'ok' : 'down', database: body.database }];
        } catch (error) {
          return [name, { status: 'down', error: (error as Error).message }];
        }
      }),
    );
    const subgraphs = Object.fromEntries(entries);
    const healthy = entries.every(([, health]) => health.status === 'ok' && health.database === 'ok');
    const database = entries.every(([, health]) => health.database === 'ok') ? 'ok' : 'down';
    await reply.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'degraded', database, subgraphs });
  }
}
