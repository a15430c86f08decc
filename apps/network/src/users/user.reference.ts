import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

/** The accounts subgraph's User, to which this subgraph adds the user's roles. */
@ObjectType('User', { registerIn: NetworkSchema })
@Directive('@key(fields: "id")')
export class UserReference {
  @Field(() => ID)
  id: string;
}
