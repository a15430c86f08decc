import { Field, InputType } from '@nestjs/graphql';
import { IsEmailAddress, IsName } from '@passerelle/graphql';
import { IsOptional, Length, MaxLength } from 'class-validator';
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

  @Field({ nullable: true, defaultValue: 'fr', description: 'fr (default) or en' })
  @IsOptional()
  @MaxLength(10)
  locale?: string;

  @Field({
    nullable: true,
    description: 'From an invitation email: proves ownership of the invited address at sign-up',
  })
  @IsOptional()
  @MaxLength(200)
  invitationToken?: string;
}
