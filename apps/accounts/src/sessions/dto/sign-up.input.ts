import { Field, InputType } from '@nestjs/graphql';
import { IsEmailAddress, IsName } from '@passerelle/graphql';
import { Length } from 'class-validator';
import { AccountsSchema } from '../../accounts.schema';

@InputType({ registerIn: AccountsSchema })
export class SignUpInput {
  @Field()
  @IsEmailAddress()
  email: string;

  @Field({ description: 'At least 10 characters' })
  @Length(10, 1024, { message: 'password must be at least 10 characters long' })
  password: string;

  @Field()
  @IsName(100)
  displayName: string;
}
