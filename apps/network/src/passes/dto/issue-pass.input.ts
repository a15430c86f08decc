import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmailAddress, IsId } from '@passerelle/graphql';
import { IsOptional } from 'class-validator';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class IssuePassInput {
  @Field(() => ID)
  @IsId()
  productId: string;

  @Field({ description: 'An account is created for this email, to be claimed at sign-up, when none exists' })
  @IsEmailAddress()
  holderEmail: string;

  @Field(() => ID, { nullable: true, description: 'COUPON_BOOK: the selling space; RECIPROCAL: the home space' })
  @IsOptional()
  @IsId()
  issuingSpaceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'CORPORATE: the employer' })
  @IsOptional()
  @IsId()
  organizationId?: string | null;
}
