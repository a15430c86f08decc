export * from './config';
export * from './subgraphs';
