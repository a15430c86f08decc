import { Field, InputType } from '@nestjs/graphql';
import { IsName } from '@passerelle/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { AccountsSchema } from '../../accounts.schema';

@InputType({ registerIn: AccountsSchema })
export class UpdateMeInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsName(100)
  displayName?: string;

  @Field({ nullable: true, description: 'fr or en' })
  @IsOptional()
  @MaxLength(10)
  locale?: string;
}
