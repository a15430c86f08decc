/**
 * Marks the GraphQL types of the settlement subgraph (`registerIn`). In the one-process mode every
 * subgraph's classes share Nest's type registry; this keeps each subgraph's schema to its own types
 * (the network subgraph declares `Visit` too).
 */
export class SettlementSchema {}
