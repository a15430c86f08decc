import { ConflictError } from '@passerelle/graphql';

export class SpaceSlugTakenError extends ConflictError {
  constructor(slug: string) {
    super(`The slug "${slug}" is already taken by another space.`, 'slug', 'SLUG_TAKEN');
  }
}
