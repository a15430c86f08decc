import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { generateEs256KeyPair, parseKeys } from '@passerelle/auth';
import { loadConfig } from '@passerelle/config';
import type { SubgraphSettings } from '@passerelle/subgraph';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

/**
 * Settings that build a subgraph's schema and nothing else: no database is reached, no secret is real.
 * The URLs written into the supergraph are placeholders too: the gateway routes by subgraph name to
 * the URLs it is configured with.
 */
function schemaOnlySettings(): SubgraphSettings {
  const pair = generateEs256KeyPair();
  const placeholder = loadConfig({});
  return {
    schemaOnly: true,
    databaseUrl: 'postgres://schema-only/none',
    keys: parseKeys(pair.publicKeyPem, pair.privateKeyPem),
    internalApiKey: 'schema-only'.padEnd(32, '-'),
    urlOf: (name) => `http://${name}:${placeholder.ports[name]}`,
    production: false,
    qrKeyEncryptionSecret: 'schema-only'.padEnd(32, '-'),
    login: placeholder.login,
    mail: { from: 'schema-only', publicUrl: () => 'http://schema-only/' },
  };
}

/** Each subgraph's SDL, as its own code builds it, without a database. */
export async function subgraphSdls(): Promise<Array<{ name: string; url: string; sdl: string }>> {
  const result = [];
  const settings = schemaOnlySettings();
  for (const subgraph of SUBGRAPHS) {
    const app = await NestFactory.create(subgraph.module(settings), new FastifyAdapter(), { logger: ['error'] });
    await app.init();
    const sdl = printSubgraphSchema(app.get(GraphQLSchemaHost).schema);
    await app.close();
    result.push({ name: subgraph.name, url: `${settings.urlOf(subgraph.name)}/graphql`, sdl });
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
