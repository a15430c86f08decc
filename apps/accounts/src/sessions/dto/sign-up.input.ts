import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, Length, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { AccountsSchema } from '../../accounts.schema';

@InputType({ registerIn: AccountsSchema })
export class SignUpInput {
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'At least 10 characters' })
  @Length(10, 1024, { message: 'password must be at least 10 characters long' })
  password: string;

  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsNotEmpty({ message: 'displayName must not be empty' })
  @MaxLength(100)
  displayName: string;
}
