import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@passerelle/auth';
import { AccessService } from '../access/access.service';
import { RoleGrantEntity } from '../access/role-grant.entity';
import { RoleGrant } from '../roles/role-grant.model';
import { UserReference } from './user.reference';

@Resolver(() => UserReference)
export class UserRolesResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): UserReference {
    return { id: reference.id };
  }

  @ResolveField(() => [RoleGrant], { nullable: true, description: "The user's own grants; null for other callers" })
  async roles(@Parent() user: UserReference, @CurrentCaller() caller: Caller): Promise<RoleGrantEntity[] | null> {
    if (caller.kind !== 'user' || caller.userId !== user.id) return null;
    return this.access.grantsOf(caller);
  }
}
