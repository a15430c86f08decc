/**
 * An internal endpoint (under /internal, between subgraphs): its path, and the request and response
 * types that the serving controller and the calling client both name, so that neither can change
 * them alone. The type parameters are carried only by the type, never at run time.
 */
export interface InternalEndpoint<Request, Response> {
  readonly path: string;
  /** Never set: ties the two types to the value. */
  readonly shape?: { request: Request; response: Response };
}

export function internalEndpoint<Request, Response>(path: `/internal/${string}`): InternalEndpoint<Request, Response> {
  return { path };
}

export type RequestOf<E> = E extends InternalEndpoint<infer Request, unknown> ? Request : never;
export type ResponseOf<E> = E extends InternalEndpoint<unknown, infer Response> ? Response : never;

/** The path as a Nest `@Controller()` takes it (no leading slash). */
export function controllerPath(endpoint: InternalEndpoint<unknown, unknown>): string {
  return endpoint.path.slice(1);
}

/** A request body as it arrives, before the serving controller has checked it: every field unknown. */
export type UncheckedRequestOf<E> = Partial<Record<keyof RequestOf<E>, unknown>>;
