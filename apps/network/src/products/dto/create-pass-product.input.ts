import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CentsScalar, IsId, IsName } from '@passerelle/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NetworkSchema } from '../../network.schema';
import { PassKind } from '../pass-kind';

/**
 * The largest value of one unit, in cents (100,000.00 in the currency). With at most 1,000 credits a
 * day, a visit is worth at most 10^10 cents, so a month's sum stays an exact JSON integer (Cents) for
 * the better part of a million visits at that price.
 */
export const MAX_UNIT_VALUE_CENTS = 10_000_000;

/** Field rules that depend on the kind are checked by the service, which names the field. */
@InputType({ registerIn: NetworkSchema })
export class CreatePassProductInput {
  @Field(() => ID)
  @IsId()
  networkId: string;

  @Field()
  @IsName()
  name: string;

  @Field(() => PassKind)
  @IsEnum(PassKind)
  kind: PassKind;

  @Field(() => Int, { nullable: true, description: 'COUPON_BOOK and CREDITS: units per pass' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'units must be at least 1' })
  @Max(100_000)
  units?: number | null;

  @Field(() => Int, { nullable: true, description: 'RECIPROCAL (required) and CORPORATE (null: no limit)' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'freeDaysPerMonth must be at least 1' })
  @Max(31, { message: 'freeDaysPerMonth cannot exceed 31' })
  freeDaysPerMonth?: number | null;

  @Field(() => CentsScalar, { description: 'The value of one unit (a coupon, a credit, a day), 0 to 10,000,000' })
  @Min(0, { message: 'unitValueCents must not be negative' })
  @Max(MAX_UNIT_VALUE_CENTS, { message: `unitValueCents cannot exceed ${MAX_UNIT_VALUE_CENTS}` })
  unitValueCents: number;

  @Field(() => Int, { nullable: true, description: 'Days a pass stays valid after it is issued; null means no end' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'validityDays must be at least 1' })
  @Max(3660)
  validityDays?: number | null;

  @Field({ nullable: true, defaultValue: false })
  @IsBoolean()
  allowPrintedQr: boolean;
}
