import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { AccountsSchema } from '../accounts.schema';

/** `email` is resolved for each viewer by UsersResolver: it is never a plain field of this object. */
@ObjectType('User', { registerIn: AccountsSchema })
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field({ description: "BCP 47 language of the user's emails and pages: fr or en" })
  locale: string;

  /** Whether the address is verified, for the emailVerified field's resolver to show to the user only. */
  verified: boolean;

  /** The address itself, for the email field's resolver to show or not. */
  address: string;

  /** Shown to the user themself whoever the request's caller is: a session they have just opened. */
  shownToSelf?: boolean;
}
