import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

@ObjectType('Organization', { registerIn: NetworkSchema })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}
