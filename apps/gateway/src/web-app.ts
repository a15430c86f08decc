import fastifyCors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_APP_OPTIONS = Symbol('WEB_APP_OPTIONS');

/**
 * The pages that mails link to (accounts builds those links from PUBLIC_URL): each is its app's page,
 * which reads the path and the token in the query.
 */
const MAIL_PAGES: Record<string, string> = {
  '/wallet/verify-email': 'wallet/index.html',
  '/wallet/reset-password': 'wallet/index.html',
  '/wallet/sign-up': 'wallet/index.html',
  '/console/sign-up': 'console/index.html',
};

export interface WebAppOptions {
  /** Browser origins besides the gateway's own allowed to call the API (CORS_ORIGINS). */
  corsOrigins: string[];
  /** The built web app (`npm run build` writes it to dist/web); found beside the compiled gateway by default. */
  root?: string;
  /** In production the development IDE (GraphiQL, at /graphiql/) is not served, like introspection. */
  production?: boolean;
}

/** The development IDE's pages, built with the app but served only outside production. */
const IDE_PREFIX = '/graphiql';

/**
 * Where `npm run build` puts the web app, seen from this file: compiled (dist/apps/gateway/src) it is
 * dist/web; run from source (tests) it is the last build's dist/web.
 */
export function defaultWebRoot(): string | undefined {
  return [join(__dirname, '..', '..', '..', 'web'), join(__dirname, '..', '..', '..', 'dist', 'web')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/**
 * The wallet, the front desk and the console, served as static files by the gateway itself, and the
 * CORS allow-list for partners' own web apps. Hashed assets never change under their name, so they
 * are cached for a year; the pages and the service worker are revalidated on every load, so a new
 * release reaches every browser at its next visit.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_APP_OPTIONS) private readonly options: WebAppOptions,
  ) {}

  static register(options: WebAppOptions) {
    return { module: WebAppModule, providers: [{ provide: WEB_APP_OPTIONS, useValue: options }] };
  }

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Same-origin pages need no CORS; without an allow-list no other origin gets the headers.
    await fastify.register(fastifyCors, {
      origin: this.options.corsOrigins.length ? this.options.corsOrigins : false,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
      maxAge: 600,
    });
    const root = this.options.root ?? defaultWebRoot();
    if (!root) return;
    if (this.options.production) {
      fastify.addHook('onRequest', async (request, reply) => {
        if (request.url === IDE_PREFIX || request.url.startsWith(`${IDE_PREFIX}/`)) await reply.code(404).send();
      });
    }
    await fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      index: ['index.html'],
      redirect: true,
      // The built files name every asset; nothing else in the folder is served.
      dotfiles: 'ignore',
      setHeaders: (reply, path) => {
        const immutable = /[\\/]assets[\\/]/.test(path);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        reply.header('x-content-type-options', 'nosniff');
      },
    });
    for (const [url, page] of Object.entries(MAIL_PAGES)) fastify.get(url, (_request, reply) => reply.sendFile(page));
  }
}
