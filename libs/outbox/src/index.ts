export * from './outbox';
export * from './outbox-event.entity';
export * from './outbox-feed.controller';
export * from './outbox-feed.client';
