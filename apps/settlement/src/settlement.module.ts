import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokens, createContextFactory, INTERNAL_API_KEY, ParsedKeys } from '@passerelle/auth';
import { databaseHealthController, dataSourceOptions } from '@passerelle/database';
import {
  CentsScalar,
  DateTimeScalarModule,
  DomainErrorFilter,
  inputValidationPipe,
  subgraphGraphQLConfig,
} from '@passerelle/graphql';
import { OutboxFeedClient } from '@passerelle/outbox';
import { checkUser, NETWORK_LINK, scannerCaller } from './network-directory/network-directory.client';
import { NetworkReference } from './periods/period.model';
import { PeriodsModule } from './periods/periods.module';
import { SETTLEMENT_DATA_SOURCE } from './settlement.data-source';
import { settlementDatabase } from './settlement.database';
import { SettlementSchema } from './settlement.schema';
import { VISIT_STREAM, VisitStreamOptions } from './visit-stream/visit-stream.consumer';
import { VisitReference } from './visit-periods/visit-period.resolver';
import { VisitPeriodsModule } from './visit-periods/visit-periods.module';
import { VisitStreamModule } from './visit-stream/visit-stream.module';

export interface SettlementOptions {
  databaseUrl: string;
  poolSize?: number;
  /** The access-token public key: this subgraph verifies user tokens, it never signs them. */
  accessTokenKeys: ParsedKeys;
  /** Base URL of the network subgraph: its visit events and its registry. */
  networkUrl: string;
  internalApiKey: string;
  production: boolean;
  /** How often the visit stream is polled when idle (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * How long a read waits at most for the visit stream to reach the network's head before answering
   * from what is recorded (default 5 s, well within the 10 s a subgraph gives an internal call: the
   * network's month filter asks through one; closing a period waits up to 30 s). Events are readable
   * within milliseconds of their commit unless some older transaction of the database stays open.
   */
  readWaitMs?: number;
  /** Builds the GraphQL schema without connecting to PostgreSQL or consuming (supergraph composition). */
  schemaOnly?: boolean;
}

const FEATURES = [VisitStreamModule, VisitPeriodsModule, PeriodsModule];

@Module({})
class SettlementSettingsModule {}

/** The settlement subgraph: charges from the visit stream, periods, statements, transfers, closing. */
@Module({})
export class SettlementModule {
  static forRoot(options: SettlementOptions): DynamicModule {
    const accessTokens = new AccessTokens(options.accessTokenKeys);
    const networkLink = { url: options.networkUrl, internalApiKey: options.internalApiKey };
    const stream: VisitStreamOptions = {
      feed: new OutboxFeedClient(options.networkUrl, options.internalApiKey),
      pollIntervalMs: options.pollIntervalMs ?? 500,
      batchSize: 500,
      readWaitMs: options.readWaitMs ?? 5_000,
      enabled: !options.schemaOnly,
    };
    const settings: DynamicModule = {
      module: SettlementSettingsModule,
      global: true,
      providers: [
        { provide: NETWORK_LINK, useValue: networkLink },
        { provide: VISIT_STREAM, useValue: stream },
        { provide: INTERNAL_API_KEY, useValue: options.internalApiKey },
      ],
      exports: [NETWORK_LINK, VISIT_STREAM, INTERNAL_API_KEY],
    };
    return {
      module: SettlementModule,
      imports: [
        settings,
        TypeOrmModule.forRoot({
          name: SETTLEMENT_DATA_SOURCE,
          ...dataSourceOptions(settlementDatabase(options.databaseUrl, options.poolSize)),
          manualInitialization: options.schemaOnly,
        }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(
          subgraphGraphQLConfig({
            production: options.production,
            include: [SettlementSchema, ...FEATURES],
            orphanedTypes: [NetworkReference, VisitReference],
            scalars: [CentsScalar],
            context: createContextFactory({
              accessTokens,
              resolveOpaqueToken: (token) => scannerCaller(networkLink, token),
              checkUser: (claims) => checkUser(networkLink, claims),
            }),
          }),
        ),
        ...FEATURES,
        DateTimeScalarModule,
      ],
      controllers: [databaseHealthController(SETTLEMENT_DATA_SOURCE)],
      providers: [
        { provide: APP_PIPE, useValue: inputValidationPipe() },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
