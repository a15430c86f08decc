import { callInternal } from '@passerelle/auth';
import { OUTBOX_FEED, OUTBOX_HEAD, OutboxEvent, ResponseOf } from '@passerelle/contracts';

/** A consumer's view of another subgraph's outbox feed (see `outboxFeedController`). */
export class OutboxFeedClient {
  constructor(
    private readonly baseUrl: string,
    private readonly internalApiKey: string,
  ) {}

  async read(after: string, limit: number): Promise<OutboxEvent[]> {
    const query = new URLSearchParams({ after, limit: String(limit) });
    const { events } = await callInternal<ResponseOf<typeof OUTBOX_FEED>>(
      this.baseUrl,
      `${OUTBOX_FEED.path}?${query}`,
      this.internalApiKey,
    );
    return events;
  }

  async head(): Promise<string> {
    return (await callInternal<ResponseOf<typeof OUTBOX_HEAD>>(this.baseUrl, OUTBOX_HEAD.path, this.internalApiKey))
      .position;
  }
}
