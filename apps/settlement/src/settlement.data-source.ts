/**
 * The TypeORM data source's name. Every subgraph runs in one process under `npm start`; distinct
 * names keep their connections apart in @nestjs/typeorm's process-wide registry.
 */
export const SETTLEMENT_DATA_SOURCE = 'settlement';
