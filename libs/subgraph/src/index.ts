export * from './subgraph-descriptor';
export * from './run-subgraph';
