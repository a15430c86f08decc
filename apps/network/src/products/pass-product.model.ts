import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CentsScalar } from '@passerelle/graphql';
import { NetworkSchema } from '../network.schema';
import { PassKind } from './pass-kind';

registerEnumType(PassKind, {
  name: 'PassKind',
  registerIn: NetworkSchema,
  valuesMap: {
    COUPON_BOOK: {
      description: 'A book of day coupons, sold by a space, good at every space of the network (Cantine network style)',
    },
    CREDITS: {
      description: 'A balance of credits sold by the network; each space sets its day price in credits (CoPass style)',
    },
    RECIPROCAL: {
      description: "A home space's member gets free days per month at the other spaces (convention between spaces)",
    },
    CORPORATE: {
      description:
        "An employer's pass for an employee, billed to the employer by use (nomad access pass for companies)",
    },
  },
});

@ObjectType('PassProduct', { registerIn: NetworkSchema })
export class PassProduct {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => PassKind)
  kind: PassKind;

  @Field(() => Int, { nullable: true, description: 'COUPON_BOOK: coupons per book; CREDITS: credits per pass' })
  units: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'RECIPROCAL and CORPORATE: days allowed per month; null means no limit (CORPORATE only)',
  })
  freeDaysPerMonth: number | null;

  @Field(() => CentsScalar, {
    description: 'What the payer owes the host for one unit consumed: a coupon, a credit, or a day',
  })
  unitValueCents: number;

  @Field(() => Int, { nullable: true, description: 'Days a pass stays valid after it is issued; null means no end' })
  validityDays: number | null;

  @Field({ description: 'Whether printed, non-rotating QR codes may be made for its passes' })
  allowPrintedQr: boolean;
}
