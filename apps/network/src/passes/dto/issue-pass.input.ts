import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class IssuePassInput {
  @Field(() => ID)
  productId: string;

  @Field({ description: 'An account is created for this email, to be claimed at sign-up, when none exists' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'holderEmail must be a valid email address' })
  @MaxLength(254)
  holderEmail: string;

  @Field(() => ID, { nullable: true, description: 'COUPON_BOOK: the selling space; RECIPROCAL: the home space' })
  issuingSpaceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'CORPORATE: the employer' })
  organizationId?: string | null;
}
