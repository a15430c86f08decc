import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER, INTERNAL_API_KEY_HEADER } from '@passerelle/auth';

export interface GatewayContext {
  authorization?: string;
  clientAddress: string;
}

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
    headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    headers.set(INTERNAL_API_KEY_HEADER, this.internalApiKey);
  }
}
