import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, Length, MaxLength } from 'class-validator';
import { AccountsSchema } from '../accounts.schema';

@InputType({ registerIn: AccountsSchema })
export class ResetPasswordInput {
  @Field()
  @IsNotEmpty({ message: 'token must not be empty' })
  @MaxLength(200)
  token: string;

  @Field({ description: 'At least 10 characters' })
  @Length(10, 1024, { message: 'password must be at least 10 characters long' })
  password: string;
}
