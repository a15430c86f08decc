/**
 * The TypeORM data source's name. Every subgraph runs in one process under `npm start`; distinct
 * names keep their connections apart in @nestjs/typeorm's process-wide registry.
 */
export const NETWORK_DATA_SOURCE = 'network';
