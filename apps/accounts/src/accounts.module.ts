import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokens, createContextFactory, INTERNAL_API_KEY, ParsedKeys } from '@passerelle/auth';
import { databaseHealthController, dataSourceOptions } from '@passerelle/database';
import {
  DateTimeScalarModule,
  DomainErrorFilter,
  inputValidationPipe,
  subgraphGraphQLConfig,
} from '@passerelle/graphql';
import { ACCOUNTS_DATA_SOURCE } from './accounts.data-source';
import { accountsDatabase } from './accounts.database';
import { AccountsSchema } from './accounts.schema';
import { DevMailboxResolver } from './mail/dev-mailbox.resolver';
import { MailMessageEntity } from './mail/mail-message.entity';
import { MAIL_SETTINGS, MailOutbox, MailSettings } from './mail/mail-outbox';
import { MailSender } from './mail/mail-sender.service';
import { EmailTokenEntity } from './email-tokens/email-token.entity';
import { EmailTokensService } from './email-tokens/email-tokens.service';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { PasswordResetResolver } from './password-reset/password-reset.resolver';
import { PasswordResetService } from './password-reset/password-reset.service';
import { RequestLimitEntity } from './request-limits/request-limit.entity';
import { RequestLimitsService } from './request-limits/request-limits.service';
import { SignUpService } from './sign-up/sign-up.service';
import { CredentialsReportClient } from './users/credentials-report.client';
import { VerificationResolver } from './verification/verification.resolver';
import { VerificationService } from './verification/verification.service';
import { checkAccessClaims } from './users/access-claims';
import { LoginFailureEntity } from './sessions/login-failure.entity';
import { LOGIN_LIMITS, LoginLimits, LoginThrottleService } from './sessions/login-throttle.service';
import { DEFAULT_PASSWORD_HASH_COST, PASSWORD_HASH_COST, PasswordHasher } from './sessions/password-hasher';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { SessionsResolver } from './sessions/sessions.resolver';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './users/user.entity';
import { UsersResolver } from './users/users.resolver';
import { UsersService } from './users/users.service';
import { EmailVisibilityClient, NETWORK_LINK } from './users/email-visibility.client';

export interface AccountsOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Both halves of the access-token key: this subgraph is the one that signs. */
  keys: ParsedKeys;
  internalApiKey: string;
  /** Base URL of the network subgraph, which decides who sees whose email; read when first needed. */
  networkUrl: () => string;
  production: boolean;
  login: LoginLimits;
  /** log2 of scrypt's N for new password hashes; today's production strength when not given. */
  passwordHashCost?: number;
  /** Where mail goes; without `url` (never in production) it stays in the dev mailbox. */
  mail: Omit<MailSettings, 'enabled' | 'pollIntervalMs' | 'retryMs' | 'maxRetryMs'> &
    Partial<Pick<MailSettings, 'pollIntervalMs' | 'retryMs' | 'maxRetryMs'>>;
  /** Builds the GraphQL schema without connecting to PostgreSQL (supergraph composition). */
  schemaOnly?: boolean;
}

/** The accounts subgraph: people, passwords, access and refresh tokens, invited accounts. */
@Module({})
export class AccountsModule {
  static forRoot(options: AccountsOptions): DynamicModule {
    const accessTokens = new AccessTokens(options.keys);
    // A production start without MAIL_URL is refused by the configuration (libs/config); only a test
    // stack in production mode keeps its mail in the dev mailbox.
    const mail: MailSettings = {
      pollIntervalMs: 1000,
      retryMs: 5000,
      maxRetryMs: 15 * 60 * 1000,
      ...options.mail,
      enabled: !options.schemaOnly,
    };
    return {
      module: AccountsModule,
      imports: [
        TypeOrmModule.forRoot({
          name: ACCOUNTS_DATA_SOURCE,
          ...dataSourceOptions(accountsDatabase(options.databaseUrl, options.poolSize)),
          manualInitialization: options.schemaOnly,
        }),
        TypeOrmModule.forFeature(
          [UserEntity, RefreshTokenEntity, LoginFailureEntity, EmailTokenEntity, MailMessageEntity, RequestLimitEntity],
          ACCOUNTS_DATA_SOURCE,
        ),
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          inject: [getDataSourceToken(ACCOUNTS_DATA_SOURCE)],
          useFactory: (dataSource: DataSource) =>
            subgraphGraphQLConfig({
              production: options.production,
              include: [AccountsSchema, AccountsModule],
              context: createContextFactory({
                accessTokens,
                internalApiKey: options.internalApiKey,
                checkUser: (claims) => checkAccessClaims(dataSource, claims),
              }),
            }),
        }),
        DateTimeScalarModule,
      ],
      controllers: [InvitationsController, databaseHealthController(ACCOUNTS_DATA_SOURCE)],
      providers: [
        { provide: APP_PIPE, useValue: inputValidationPipe() },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: AccessTokens, useValue: accessTokens },
        { provide: LOGIN_LIMITS, useValue: options.login },
        { provide: INTERNAL_API_KEY, useValue: options.internalApiKey },
        { provide: PASSWORD_HASH_COST, useValue: options.passwordHashCost ?? DEFAULT_PASSWORD_HASH_COST },
        PasswordHasher,
        { provide: NETWORK_LINK, useValue: { url: options.networkUrl, internalApiKey: options.internalApiKey } },
        EmailVisibilityClient,
        UsersService,
        UsersResolver,
        SessionsService,
        SessionsResolver,
        LoginThrottleService,
        { provide: MAIL_SETTINGS, useValue: mail },
        MailOutbox,
        MailSender,
        DevMailboxResolver,
        EmailTokensService,
        RequestLimitsService,
        CredentialsReportClient,
        VerificationService,
        VerificationResolver,
        PasswordResetService,
        PasswordResetResolver,
        SignUpService,
        InvitationsService,
      ],
    };
  }
}
