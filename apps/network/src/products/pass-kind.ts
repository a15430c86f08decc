export enum PassKind {
  COUPON_BOOK = 'COUPON_BOOK',
  CREDITS = 'CREDITS',
  RECIPROCAL = 'RECIPROCAL',
  CORPORATE = 'CORPORATE',
}

/** Kinds whose passes hold a balance of units (coupons or credits) rather than days per month. */
export function hasUnits(kind: PassKind): boolean {
  return kind === PassKind.COUPON_BOOK || kind === PassKind.CREDITS;
}
