import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';
import { AccountsSchema } from '../../accounts.schema';

@InputType({ registerIn: AccountsSchema })
export class LogInInput {
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(1024)
  password: string;
}
