import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLScalarType } from 'graphql';
import { clientErrorStatusPlugin } from './client-error-status.plugin';
import { DateTimeScalarModule } from './date-time.scalar';
import { ErrorCode } from './errors';
import { createFormatError } from './format-error';
import { queryLimitRules, requestLimitsPlugin } from './query-limits';

export interface SubgraphGraphQLOptions {
  production: boolean;
  /** Builds each request's context (who calls, from where): the auth library's, given by each app. */
  context: (req: { headers: Record<string, string | string[] | undefined>; ip?: string }) => Promise<object>;
  /**
   * The subgraph's schema marker (the `registerIn` of its types) and the modules that declare its
   * resolvers: several subgraphs share one process in the one-process mode, and each schema must
   * hold only its own types and resolvers.
   */
  include: Array<new (...args: never[]) => unknown>;
  /** Entities this subgraph only adds fields to, which no query of its own returns. */
  orphanedTypes?: Array<new (...args: never[]) => unknown>;
  /**
   * Custom scalars the subgraph uses. The federation schema is rebuilt from SDL, which keeps only the
   * scalars' names: their serialize and parse functions must be given again as resolvers.
   */
  scalars?: GraphQLScalarType[];
}

/**
 * The Apollo settings every subgraph shares: Federation 2, safe errors, no landing page, no batching,
 * and the gateway's own query limits, for whoever reaches a subgraph directly.
 */
export function subgraphGraphQLConfig(options: SubgraphGraphQLOptions): ApolloFederationDriverConfig {
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    // Every subgraph reads instants strictly (no epoch numbers, no February 30).
    include: [...options.include, DateTimeScalarModule],
    resolvers: Object.fromEntries((options.scalars ?? []).map((scalar) => [scalar.name, scalar])),
    sortSchema: true,
    buildSchemaOptions: {
      dateScalarMode: 'isoDate',
      noDuplicatedFields: true,
      orphanedTypes: options.orphanedTypes,
      // The federation schema builder does not pass `include` on to the type filter as the plain one
      // does; this internal option is how the filter receives it.
      ...({ includeModules: options.include } as object),
    },
    graphiql: false,
    playground: false,
    introspection: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: !options.production,
    formatError: createFormatError(options.production),
    autoTransformHttpErrors: true,
    validationRules: queryLimitRules,
    // Nest would answer 200 whenever there is a `data` entry; the status of a refusal is ours to set.
    preserveHttpStatusForExecutionErrors: false,
    plugins: [
      // Traces are for Apollo's hosted studio, which we do not use; they cost time on every request.
      ApolloServerPluginInlineTraceDisabled() as never,
      requestLimitsPlugin() as never,
      clientErrorStatusPlugin() as never,
    ],
    context: (req: { headers: Record<string, string | string[] | undefined>; ip?: string }) => options.context(req),
  };
}

export interface ListenOptions {
  host: string;
  port: number;
  logLevels: LogLevel[];
  /** Largest request body accepted, in bytes; an upload of 500 scans fits well within the default. */
  bodyLimit?: number;
}

/** Creates a subgraph (or the gateway) on Fastify and starts listening; nothing is left open on failure. */
export async function startFastifyApp(module: unknown, options: ListenOptions): Promise<NestFastifyApplication> {
  const adapter = new GraphQLFastifyAdapter({ bodyLimit: options.bodyLimit ?? 2 * 1024 * 1024, trustProxy: false });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger: options.logLevels,
    abortOnError: false,
  });
  try {
    await app.listen(options.port, options.host);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/**
 * Fastify refuses a body before any GraphQL server sees it (not JSON, empty, too large, another
 * content type): the answer keeps Fastify's status but takes the GraphQL shape, with a code and the
 * field, as every other refusal does. Nest installs its own error handler; this wraps it.
 */
class GraphQLFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(handler: Parameters<FastifyAdapter['setErrorHandler']>[0]) {
    return super.setErrorHandler(function (
      this: unknown,
      error: unknown,
      request: FastifyRequest,
      reply: FastifyReply,
    ) {
      const { code, statusCode, message } = error as FastifyError;
      if (!code?.startsWith('FST_ERR_CTP_')) return handler.call(this as never, error, request, reply);
      return reply.status(statusCode ?? 400).send({
        errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'body' } }],
      });
    });
  }
}
