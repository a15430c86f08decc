import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokens, createContextFactory, INTERNAL_API_KEY, ParsedKeys } from '@passerelle/auth';
import { databaseHealthController, dataSourceOptions } from '@passerelle/database';
import { outboxFeedController } from '@passerelle/outbox';
import {
  CentsScalar,
  DateTimeScalarModule,
  DomainErrorFilter,
  inputValidationPipe,
  subgraphGraphQLConfig,
} from '@passerelle/graphql';
import { AccessModule } from './access/access.module';
import { AccountCredentialsModule } from './account-credentials/account-credentials.module';
import { AccountCredentialsService } from './account-credentials/account-credentials.service';
import { CHECK_IN_RETENTION } from './check-ins/check-in-retention';
import { CheckInsModule } from './check-ins/check-ins.module';
import { CredentialsModule } from './credentials/credentials.module';
import { KeyEncryption } from './credentials/key-encryption';
import { PassesModule } from './passes/passes.module';
import { SettlementDirectoryController } from './parties/settlement-directory.controller';
import { SettlementDirectoryService } from './parties/settlement-directory.service';
import { ScannerCallerController } from './scanners/scanner-caller.controller';
import { VisibleVisitsController } from './visits/visible-visits.controller';
import { ProductsModule } from './products/products.module';
import { SETTLEMENT_LINK } from './visits/settlement-periods.client';
import { VisitsModule } from './visits/visits.module';
import { MembershipsModule } from './memberships/memberships.module';
import { NETWORK_DATA_SOURCE } from './network.data-source';
import { networkDatabase } from './network.database';
import { NetworkSchema } from './network.schema';
import { NetworksModule } from './networks/networks.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ACCOUNTS_LINK } from './roles/accounts.client';
import { RolesModule } from './roles/roles.module';
import { ScannersModule } from './scanners/scanners.module';
import { ScannersService } from './scanners/scanners.service';
import { SpacesModule } from './spaces/spaces.module';
import { UserReference } from './users/user.reference';
import { UsersModule } from './users/users.module';

export interface NetworkOptions {
  databaseUrl: string;
  poolSize?: number;
  /** The access-token public key: this subgraph verifies user tokens, it never signs them. */
  accessTokenKeys: ParsedKeys;
  /** Base URL of the accounts subgraph, for inviting people named by email. */
  accountsUrl: string;
  /**
   * Base URL of the settlement subgraph, for the visits' period months; a function when it is known only
   * once settlement listens (the one-process stack starts this subgraph first).
   */
  settlementUrl: string | (() => string);
  internalApiKey: string;
  /** Seals networks' QR signing keys at rest. */
  qrKeyEncryptionSecret: string;
  production: boolean;
  /** Builds the GraphQL schema without connecting to PostgreSQL (supergraph composition). */
  schemaOnly?: boolean;
}

const HOUR_MS = 3600 * 1000;

const FEATURES = [
  AccessModule,
  AccountCredentialsModule,
  NetworksModule,
  SpacesModule,
  MembershipsModule,
  RolesModule,
  ScannersModule,
  OrganizationsModule,
  ProductsModule,
  CredentialsModule,
  PassesModule,
  VisitsModule,
  CheckInsModule,
  UsersModule,
];

/** Settings the feature modules read, available everywhere in this subgraph. */
@Module({})
class NetworkSettingsModule {}

/**
 * The network subgraph: networks, spaces, memberships, roles, scanners and organizations (and,
 * with the passes, the whole check-in path).
 */
@Module({})
export class NetworkModule {
  static forRoot(options: NetworkOptions): DynamicModule {
    const accessTokens = new AccessTokens(options.accessTokenKeys);
    const { settlementUrl } = options;
    const settings: DynamicModule = {
      module: NetworkSettingsModule,
      global: true,
      providers: [
        { provide: ACCOUNTS_LINK, useValue: { url: options.accountsUrl, internalApiKey: options.internalApiKey } },
        {
          provide: SETTLEMENT_LINK,
          useValue: {
            url: typeof settlementUrl === 'string' ? () => settlementUrl : settlementUrl,
            internalApiKey: options.internalApiKey,
          },
        },
        { provide: INTERNAL_API_KEY, useValue: options.internalApiKey },
        { provide: KeyEncryption, useValue: new KeyEncryption(options.qrKeyEncryptionSecret) },
        { provide: CHECK_IN_RETENTION, useValue: { enabled: !options.schemaOnly, intervalMs: HOUR_MS } },
      ],
      exports: [ACCOUNTS_LINK, SETTLEMENT_LINK, INTERNAL_API_KEY, KeyEncryption, CHECK_IN_RETENTION],
    };
    return {
      module: NetworkModule,
      imports: [
        settings,
        TypeOrmModule.forRoot({
          name: NETWORK_DATA_SOURCE,
          ...dataSourceOptions(networkDatabase(options.databaseUrl, options.poolSize)),
          manualInitialization: options.schemaOnly,
        }),
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          imports: [ScannersModule, AccountCredentialsModule],
          inject: [ScannersService, AccountCredentialsService],
          useFactory: (scanners: ScannersService, credentials: AccountCredentialsService) =>
            subgraphGraphQLConfig({
              production: options.production,
              include: [NetworkSchema, ...FEATURES],
              orphanedTypes: [UserReference],
              scalars: [CentsScalar],
              // Scanner tokens are looked up on every request, so a revoked one stops at once.
              context: createContextFactory({
                accessTokens,
                resolveOpaqueToken: (token) => scanners.authenticate(token),
                // A token from before a password reset is refused here, with no call to accounts.
                checkUser: (claims) => credentials.check(claims),
              }),
            }),
        }),
        ...FEATURES,
        DateTimeScalarModule,
      ],
      controllers: [
        databaseHealthController(NETWORK_DATA_SOURCE),
        outboxFeedController(NETWORK_DATA_SOURCE),
        SettlementDirectoryController,
        VisibleVisitsController,
        ScannerCallerController,
      ],
      providers: [
        { provide: APP_PIPE, useValue: inputValidationPipe() },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        SettlementDirectoryService,
      ],
    };
  }
}
