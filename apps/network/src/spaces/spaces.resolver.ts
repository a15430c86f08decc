import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference, Parent } from '@nestjs/graphql';
import { Caller, CurrentCaller, requireUser } from '@passerelle/auth';
import { BadUserInputError, IdPipe } from '@passerelle/graphql';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { SLUG_PATTERN } from '../common/validators';
import { RegisterSpaceInput } from './dto/register-space.input';
import { SpaceEntity } from './space.entity';
import { Space } from './space.model';
import { SpacesService } from './spaces.service';

@Resolver(() => Space)
export class SpacesResolver {
  constructor(private readonly spaces: SpacesService) {}

  @Allow(Permission.PUBLIC)
  @Query(() => Space, { nullable: true, description: 'Public; by id or by slug' })
  space(
    @Args('id', { type: () => ID, nullable: true }, IdPipe) id?: string,
    @Args('slug', { nullable: true }) slug?: string,
  ): Promise<SpaceEntity | null> {
    if (id) return this.spaces.findById(id);
    // A slug that no registration would take cannot name anything: the client's mistake, said so.
    if (slug && !SLUG_PATTERN.test(slug))
      throw new BadUserInputError('slug', 'slug must be 3 to 63 lowercase letters, digits or hyphens.');
    if (slug) return this.spaces.findBySlug(slug);
    throw new BadUserInputError('id', 'Give the space id or its slug.');
  }

  @Allow(Permission.SIGNED_IN)
  @Mutation(() => Space, { description: "The caller becomes the space's SPACE_OPERATOR" })
  registerSpace(@Args('input') input: RegisterSpaceInput, @CurrentCaller() caller: Caller): Promise<SpaceEntity> {
    return this.spaces.register(input, requireUser(caller));
  }

  /** Spaces are public, as in the `space` query. */
  @ResolveReference()
  resolveReference(@Parent() reference: { id: string }, @Context() context: object): Promise<SpaceEntity | null> {
    return this.spaces.load(context, reference.id);
  }
}
