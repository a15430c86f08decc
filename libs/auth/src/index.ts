export * from './access-tokens';
export * from './caller';
export * from './keys';
export * from './request-context';
export * from './internal-api';
