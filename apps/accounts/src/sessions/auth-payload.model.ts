import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../users/user.model';
import { AccountsSchema } from '../accounts.schema';

@ObjectType({ registerIn: AccountsSchema })
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Opaque; rotated on every use, and a reused one revokes the whole session' })
  refreshToken: string;

  @Field(() => User)
  user: User;
}
