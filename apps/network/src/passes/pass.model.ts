import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';
import { PassStatus } from './pass-status';

registerEnumType(PassStatus, { name: 'PassStatus', registerIn: NetworkSchema });

@ObjectType('Pass', { registerIn: NetworkSchema })
export class Pass {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Short code for typing by hand at a front desk' })
  serial: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  validUntil: Date | null;

  @Field(() => Int, { nullable: true, description: 'COUPON_BOOK and CREDITS' })
  remainingUnits: number | null;
}

@ObjectType('PassQr', { registerIn: NetworkSchema })
export class PassQr {
  @Field({ description: 'The signed credential that the QR code encodes' })
  token: string;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;
}
