import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SUBGRAPH_URLS, SubgraphUrls } from './health.controller';

/**
 * Republishes the network subgraph's QR-credential keys (JWKS) at the public origin, so scanners only
 * ever talk to the gateway. Five minutes of caching: a retired key stays in the set long after rotation,
 * and a new key reaches scanners at their next refresh, well before codes signed with it are common.
 */
@Controller()
export class JwksController {
  constructor(@Inject(SUBGRAPH_URLS) private readonly subgraphs: SubgraphUrls) {}

  @Get('.well-known/jwks.json')
  async jwks(@Res() reply: FastifyReply): Promise<void> {
    try {
      const response = await fetch(new URL('/.well-known/jwks.json', this.subgraphs.network), {
        signal: AbortSignal.timeout(5000),
      });
      if (response.status !== 200) throw new Error(`network subgraph answered ${response.status}`);
      const body: unknown = await response.json();
      await reply
        .status(200)
        .header('content-type', 'application/json')
        .header('cache-control', 'public, max-age=300')
        .send(body);
    } catch {
      // No-store: an outage must not be cached in place of the keys by scanners or proxies.
      await reply
        .status(503)
        .header('cache-control', 'no-store')
        .send({ error: 'The network keys are unavailable right now; try again shortly.' });
    }
  }
}
