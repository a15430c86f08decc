import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER, INTERNAL_API_KEY_HEADER } from '@passerelle/contracts';
import { GraphQLError } from 'graphql';

export interface GatewayContext {
  authorization?: string;
  clientAddress: string;
  /** The client's languages: a check-in's message follows them. */
  acceptLanguage?: string;
}

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type SubgraphError = { message?: unknown; extensions?: Record<string, unknown> };

/**
 * Passes the caller's credentials and address on to every subgraph, which checks them itself. The
 * internal key vouches for the address: a subgraph believes that header from the gateway alone.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly internalApiKey: string,
  ) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('clientAddress' in context)) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
    headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    headers.set(INTERNAL_API_KEY_HEADER, this.internalApiKey);
  }

  /**
   * A subgraph that refuses a request (HTTP 4xx with GraphQL errors, e.g. a money amount the gateway
   * cannot judge) is refusing the client's input: its first error goes back as the subgraph wrote it
   * (code, field, message), and the HTTP status follows from it as for any refusal. Apollo's default
   * would wrap it with the subgraph's URL and whole body, as an internal error.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await this.parseBody(response)) as { errors?: SubgraphError[] } | string;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (response.status < 400 || response.status >= 500 || typeof first?.message !== 'string') {
      return super.errorFromResponse(response);
    }
    return new GraphQLError(first.message, { extensions: first.extensions });
  }
}
