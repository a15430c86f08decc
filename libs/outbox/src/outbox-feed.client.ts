import { callInternal } from '@passerelle/auth';
import type { OutboxEvent } from './outbox';

/** A consumer's view of another subgraph's outbox feed (see `outboxFeedController`). */
export class OutboxFeedClient {
  constructor(
    private readonly baseUrl: string,
    private readonly internalApiKey: string,
  ) {}

  async read(after: string, limit: number): Promise<OutboxEvent[]> {
    const query = new URLSearchParams({ after, limit: String(limit) });
    const { events } = await callInternal<{ events: OutboxEvent[] }>(
      this.baseUrl,
      `/internal/outbox?${query}`,
      this.internalApiKey,
    );
    return events;
  }

  async head(): Promise<string> {
    return (await callInternal<{ position: string }>(this.baseUrl, '/internal/outbox/head', this.internalApiKey))
      .position;
  }
}
