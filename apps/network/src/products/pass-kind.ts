import { registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

export enum PassKind {
  COUPON_BOOK = 'COUPON_BOOK',
  CREDITS = 'CREDITS',
  RECIPROCAL = 'RECIPROCAL',
  CORPORATE = 'CORPORATE',
}

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

/** Kinds whose passes hold a balance of units (coupons or credits) rather than days per month. */
export function hasUnits(kind: PassKind): boolean {
  return kind === PassKind.COUPON_BOOK || kind === PassKind.CREDITS;
}
