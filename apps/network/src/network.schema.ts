/**
 * Marks the GraphQL types of the network subgraph (`registerIn`). In the one-process mode every
 * subgraph's classes share Nest's type registry; this keeps each subgraph's schema to its own types
 * (two subgraphs may each declare a `User`).
 */
export class NetworkSchema {}
