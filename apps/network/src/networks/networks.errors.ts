import { ConflictError } from '@passerelle/graphql';

export class NetworkSlugTakenError extends ConflictError {
  constructor(slug: string) {
    super(`The slug "${slug}" is already taken by another network.`, 'slug', 'SLUG_TAKEN');
  }
}
