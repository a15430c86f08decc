export * from './cents.scalar';
export * from './errors';
export * from './format-error';
export * from './subgraph';
export * from './validation.pipe';
export * from './domain-error.filter';
export * from './client';
export * from './request-loader';
