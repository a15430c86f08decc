import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { AccountsSchema } from '../accounts.schema';

@ObjectType('User', { registerIn: AccountsSchema })
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Null when the caller may not see it: the user, the payer's operators of their passes, and network admins may",
  })
  email: string | null;

  @Field()
  displayName: string;
}
