import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@passerelle/auth';
import { Caller, CurrentCaller, requireUser } from '@passerelle/auth';
import { UpdateMeInput } from './dto/update-me.input';
import { requestLoader } from '@passerelle/graphql';
import { EmailVisibilityClient } from './email-visibility.client';
import { User } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly visibility: EmailVisibilityClient,
  ) {}

  @Query(() => User, { nullable: true, description: 'The logged-in user; null without a valid user token' })
  async me(@CurrentCaller() caller: Caller): Promise<User | null> {
    if (caller.kind !== 'user') return null;
    const user = await this.users.findById(caller.userId);
    return user ? this.users.toModel(user) : null;
  }

  @Mutation(() => User, { description: "The caller's own settings" })
  async updateMe(@Args('input') input: UpdateMeInput, @CurrentCaller() caller: Caller): Promise<User> {
    return this.users.toModel(await this.users.updateMe(requireUser(caller), input));
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'The user only; null for other callers' })
  emailVerified(@Parent() user: User, @CurrentCaller() caller: Caller): boolean | null {
    const self = user.shownToSelf || (caller.kind === 'user' && caller.userId === user.id);
    return self ? user.verified : null;
  }

  /** `_entities` asks once per representation: a per-request DataLoader makes it one query. */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<User | null> {
    const user = await requestLoader(context, 'user', (ids) => this.users.findByIds(ids)).load(reference.id);
    return user ? this.users.toModel(user) : null;
  }

  /**
   * The user sees their own; anyone else only when the network subgraph says so (the payer's
   * operators of their passes, the admins of their networks), asked once for all users of the request.
   */
  @ResolveField(() => String, {
    nullable: true,
    description:
      "Null when the caller may not see it: the user, the payer's operators of their passes, and network admins may",
  })
  async email(@Parent() user: User, @Context() context: RequestContext): Promise<string | null> {
    const { caller } = context;
    if (user.shownToSelf || (caller.kind === 'user' && caller.userId === user.id)) return user.address;
    // Until their own address is verified, a person holds no role that would show them anyone's.
    if (caller.kind !== 'user' || !caller.emailVerified) return null;
    const visible = await requestLoader(context, 'emailVisible', async (ids) => {
      const allowed = await this.visibility.visibleTo(caller.userId, ids);
      return ids.map((id) => allowed.has(id));
    }).load(user.id);
    return visible ? user.address : null;
  }
}
