import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER } from '@passerelle/auth';

export interface GatewayContext {
  authorization?: string;
  clientAddress: string;
}

/** Passes the caller's credentials and address on to every subgraph, which checks them itself. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('clientAddress' in context)) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
  }
}
