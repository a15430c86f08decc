import { Context, Query, Resolver, ResolveReference, Parent } from '@nestjs/graphql';
import type { RequestContext } from '@passerelle/auth';
import { CurrentCaller, Caller } from '@passerelle/auth';
import DataLoader from 'dataloader';
import { UserEntity } from './user.entity';
import { User } from './user.model';
import { UsersService } from './users.service';

type LoaderContext = RequestContext & { userLoader?: DataLoader<string, UserEntity | null> };

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Query(() => User, { nullable: true, description: 'The logged-in user; null without a valid user token' })
  async me(@CurrentCaller() caller: Caller): Promise<User | null> {
    if (caller.kind !== 'user') return null;
    const user = await this.users.findById(caller.userId);
    return user ? this.users.toModel(user, caller) : null;
  }

  /** `_entities` asks once per representation: a per-request DataLoader makes it one query. */
  @ResolveReference()
  async resolveReference(@Parent() reference: { id: string }, @Context() context: LoaderContext): Promise<User | null> {
    context.userLoader ??= new DataLoader((ids: readonly string[]) => this.users.findByIds(ids));
    const user = await context.userLoader.load(reference.id);
    return user ? this.users.toModel(user, context.caller) : null;
  }
}
