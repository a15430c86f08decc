import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { clientErrorStatusPlugin, createFormatError, queryLimitRules, requestLimitsPlugin } from '@passerelle/graphql';
import { HealthController, SUBGRAPH_URLS, SubgraphUrls } from './health.controller';
import { JwksController } from './jwks.controller';
import { GatewayContext, SubgraphDataSource } from './subgraph-data-source';
import { subgraphFetcher } from './subgraph-fetcher';
import { WebAppModule, WebAppOptions } from './web-app';

export interface GatewayOptions {
  /** The supergraph composed at build time (apps/gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Base URL of each subgraph by its name in the supergraph. */
  subgraphUrls: SubgraphUrls;
  production: boolean;
  /** Sent to the subgraphs so that they believe the client address the gateway forwards. */
  internalApiKey: string;
  /** The web app's files and the browser origins allowed besides the gateway's own. */
  web: WebAppOptions;
}

/**
 * The public entry point: one GraphQL API over the subgraphs, plus /health, the QR keys at
 * /.well-known/jwks.json and the web app at /. No database, no domain logic.
 */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    const fetchSubgraph = subgraphFetcher();
    return {
      module: GatewayModule,
      imports: [
        WebAppModule.register({ ...options.web, production: options.production }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            graphiql: false,
            introspection: !options.production,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: !options.production,
            formatError: createFormatError(options.production),
            validationRules: queryLimitRules,
            // Nest would answer 200 whenever there is a `data` entry; the status of a refusal is ours to set.
            preserveHttpStatusForExecutionErrors: false,
            // Nest types its options with Apollo's ESM typings and we compile against the CJS ones: same plugin.
            plugins: [
              requestLimitsPlugin({ supergraphSdl: options.supergraphSdl }) as never,
              clientErrorStatusPlugin() as never,
            ],
            context: async (req: {
              headers: Record<string, string | undefined>;
              ip?: string;
            }): Promise<GatewayContext> => ({
              authorization: req.headers.authorization,
              acceptLanguage: req.headers['accept-language'],
              clientAddress: req.ip ?? 'unknown',
            }),
          },
          gateway: {
            supergraphSdl: options.supergraphSdl,
            buildService: ({ name }) => {
              const base = options.subgraphUrls[name];
              if (!base) throw new Error(`No URL configured for subgraph "${name}".`);
              return new SubgraphDataSource(
                { url: new URL('/graphql', base).toString(), fetcher: fetchSubgraph },
                options.internalApiKey,
              );
            },
          },
        }),
      ],
      controllers: [HealthController, JwksController],
      providers: [{ provide: SUBGRAPH_URLS, useValue: options.subgraphUrls }],
    };
  }
}
