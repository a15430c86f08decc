import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { generateEs256KeyPair, parseKeys } from '@passerelle/auth';
import { parse } from 'graphql';
import { AccountsModule } from '../../accounts/src/accounts.module';
import { NetworkModule } from '../../network/src/network.module';
import { SettlementModule } from '../../settlement/src/settlement.module';

// The URLs written into the supergraph are placeholders: the gateway routes by subgraph name to the
// URLs it is configured with.
const SUBGRAPHS = {
  accounts: {
    url: 'http://accounts:4001/graphql',
    module: () => {
      const pair = generateEs256KeyPair();
      return AccountsModule.forRoot({
        schemaOnly: true,
        databaseUrl: 'postgres://schema-only/none',
        keys: parseKeys(pair.publicKeyPem, pair.privateKeyPem),
        internalApiKey: 'schema-only'.padEnd(32, '-'),
        networkUrl: () => 'http://network:4002',
        production: false,
        login: { maxFailuresPerEmail: 1, maxFailuresPerAddress: 1, lockoutSeconds: 1 },
        mail: { from: 'schema-only', publicUrl: () => 'http://schema-only/' },
      });
    },
  },
  network: {
    url: 'http://network:4002/graphql',
    module: () =>
      NetworkModule.forRoot({
        schemaOnly: true,
        databaseUrl: 'postgres://schema-only/none',
        accessTokenKeys: parseKeys(generateEs256KeyPair().publicKeyPem),
        accountsUrl: 'http://accounts:4001',
        settlementUrl: 'http://settlement:4003',
        internalApiKey: 'schema-only'.padEnd(32, '-'),
        qrKeyEncryptionSecret: 'schema-only'.padEnd(32, '-'),
        production: false,
      }),
  },
  settlement: {
    url: 'http://settlement:4003/graphql',
    module: () =>
      SettlementModule.forRoot({
        schemaOnly: true,
        databaseUrl: 'postgres://schema-only/none',
        accessTokenKeys: parseKeys(generateEs256KeyPair().publicKeyPem),
        networkUrl: 'http://network:4002',
        internalApiKey: 'schema-only'.padEnd(32, '-'),
        production: false,
      }),
  },
};

/** Each subgraph's SDL, as its own code builds it, without a database. */
export async function subgraphSdls(): Promise<Array<{ name: string; url: string; sdl: string }>> {
  const result = [];
  for (const [name, subgraph] of Object.entries(SUBGRAPHS)) {
    const app = await NestFactory.create(subgraph.module(), new FastifyAdapter(), { logger: ['error'] });
    await app.init();
    const sdl = printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
    await app.close();
    result.push({ name, url: subgraph.url, sdl });
  }
  return result;
}

/** Composes the supergraph the gateway serves; throws with every composition error. */
export async function composeSupergraph(): Promise<string> {
  const subgraphs = await subgraphSdls();
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors)
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}
