import { Field, ObjectType } from '@nestjs/graphql';
import { Role } from '../access/role';
import { NetworkSchema } from '../network.schema';

@ObjectType('RoleGrant', { registerIn: NetworkSchema })
export class RoleGrant {
  @Field(() => Role)
  role: Role;
}
