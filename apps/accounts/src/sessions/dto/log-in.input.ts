import { Field, InputType } from '@nestjs/graphql';
import { IsEmailAddress } from '@passerelle/graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { AccountsSchema } from '../../accounts.schema';

@InputType({ registerIn: AccountsSchema })
export class LogInInput {
  @Field()
  @IsEmailAddress()
  email: string;

  @Field()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(1024)
  password: string;
}
