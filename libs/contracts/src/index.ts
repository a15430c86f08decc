export * from './endpoint';
export * from './party';
export * from './caller';
export * from './outbox-event';
export * from './visit-events';
export * from './accounts.endpoints';
export * from './network.endpoints';
export * from './settlement.endpoints';
