import DataLoader from 'dataloader';

type LoaderHolder = { loaders?: Map<string, DataLoader<string, unknown>> };

/**
 * A DataLoader that lives for one request (kept on its context), so that the N lookups a query or an
 * `_entities` call makes of the same kind become one batched query, and nothing is cached across callers.
 */
export function requestLoader<V>(
  context: object,
  name: string,
  batch: (keys: readonly string[]) => Promise<Array<V | null>>,
): DataLoader<string, V | null> {
  const holder = context as LoaderHolder;
  holder.loaders ??= new Map();
  let loader = holder.loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(batch);
    holder.loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
