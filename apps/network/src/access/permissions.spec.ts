import { Actor, allows, periodScope, Permission, RULES, visitsScope } from './permissions';
import { PartyKind } from '@passerelle/contracts';

const NETWORK = 'network-1';
const SPACE = 'space-1';
const OTHER_SPACE = 'space-2';

function person(roles: { admin?: string[]; operator?: string[]; active?: Record<string, string[]> } = {}): Actor {
  return {
    kind: 'user',
    userId: 'user-1',
    emailVerified: true,
    adminOf: new Set(roles.admin ?? []),
    operatorOf: new Set(roles.operator ?? []),
    activeSpacesByNetwork: new Map(Object.entries(roles.active ?? {}).map(([id, spaces]) => [id, new Set(spaces)])),
  };
}

const anonymous: Actor = { kind: 'anonymous' };
const desk: Actor = { kind: 'scanner', spaceId: SPACE };
const admin = person({ admin: [NETWORK] });
const activeOperator = person({ operator: [SPACE], active: { [NETWORK]: [SPACE] } });
const pendingOperator = person({ operator: [SPACE] });
const soldBySpace = { networkId: NETWORK, holderId: 'holder', payerKind: PartyKind.SPACE, payerId: SPACE };
const visit = { ...soldBySpace, spaceId: OTHER_SPACE };

describe('the permission catalogue', () => {
  it('describes every rule with who may, for the refusal message', () => {
    for (const rule of Object.values(RULES)) expect(rule.who).toMatch(/\w/);
  });

  it("lists visits: admins all, operators their spaces', a desk its own space's of today only", () => {
    expect(allows(desk, Permission.LIST_VISITS, null)).toBe(true);
    expect(allows(anonymous, Permission.LIST_VISITS, null)).toBe(false);
    expect(visitsScope(desk, NETWORK)).toEqual({ deskOf: SPACE });
    expect(visitsScope(admin, NETWORK)).toEqual({ all: true });
    expect(visitsScope(pendingOperator, NETWORK)).toEqual({ all: false, spaceIds: [SPACE] });
    expect(visitsScope(anonymous, NETWORK)).toEqual({ all: false, spaceIds: [] });
  });

  it('reads a period: the admins and the operators of ACTIVE member spaces only', () => {
    expect(allows(admin, Permission.READ_PERIOD, { networkId: NETWORK })).toBe(true);
    expect(allows(activeOperator, Permission.READ_PERIOD, { networkId: NETWORK })).toBe(true);
    expect(allows(pendingOperator, Permission.READ_PERIOD, { networkId: NETWORK })).toBe(false);
    expect(allows(desk, Permission.READ_PERIOD, { networkId: NETWORK })).toBe(false);
    expect(periodScope(activeOperator, NETWORK)).toEqual({ all: false, spaceIds: [SPACE] });
    expect(periodScope(pendingOperator, NETWORK)).toEqual({ all: false, spaceIds: [] });
    expect(periodScope(admin, NETWORK)).toEqual({ all: true });
  });

  it('checks in: the desk of the space or its operators, and nobody anywhere else', () => {
    expect(allows(desk, Permission.CHECK_IN, { spaceId: SPACE })).toBe(true);
    expect(allows(desk, Permission.CHECK_IN, { spaceId: OTHER_SPACE })).toBe(false);
    expect(allows(pendingOperator, Permission.CHECK_IN, { spaceId: SPACE })).toBe(true);
    expect(allows(admin, Permission.CHECK_IN, { spaceId: SPACE })).toBe(false);
    expect(allows(anonymous, Permission.CHECK_IN, { spaceId: SPACE })).toBe(false);
  });

  it('sells a pass: a space only while it is an ACTIVE member and only what it pays for', () => {
    const coupons = { networkId: NETWORK, issuingSpaceId: SPACE, payer: PartyKind.SPACE };
    expect(allows(activeOperator, Permission.ISSUE_PASS, coupons)).toBe(true);
    expect(allows(pendingOperator, Permission.ISSUE_PASS, coupons)).toBe(false);
    expect(allows(activeOperator, Permission.ISSUE_PASS, { ...coupons, payer: PartyKind.NETWORK })).toBe(false);
    expect(allows(admin, Permission.ISSUE_PASS, { ...coupons, payer: PartyKind.ORGANIZATION })).toBe(true);
  });

  it('sees a visit: its host, its holder, its issuer and the admins; not another desk', () => {
    const holder = { ...person(), userId: 'holder' } as Actor;
    expect(allows(holder, Permission.SEE_VISIT, visit)).toBe(true);
    expect(allows(person({ operator: [OTHER_SPACE] }), Permission.SEE_VISIT, visit)).toBe(true);
    expect(allows(pendingOperator, Permission.SEE_VISIT, visit)).toBe(true);
    expect(allows(admin, Permission.SEE_VISIT, visit)).toBe(true);
    expect(allows(desk, Permission.SEE_VISIT, visit)).toBe(false);
    expect(allows({ kind: 'scanner', spaceId: OTHER_SPACE }, Permission.SEE_VISIT, visit)).toBe(true);
    expect(allows(person(), Permission.SEE_VISIT, visit)).toBe(false);
  });

  it('sees an email: the person, and the issuers of the passes they hold', () => {
    const holder = { userId: 'holder', passes: [soldBySpace] };
    expect(allows(activeOperator, Permission.SEE_EMAIL, holder)).toBe(true);
    expect(allows(admin, Permission.SEE_EMAIL, holder)).toBe(true);
    expect(allows(person({ operator: [OTHER_SPACE] }), Permission.SEE_EMAIL, holder)).toBe(false);
    expect(allows(person({ operator: [OTHER_SPACE] }), Permission.SEE_EMAIL, { ...holder, passes: [] })).toBe(false);
  });

  it('shows a QR code to the holder alone, not even to the issuer', () => {
    expect(allows({ ...person(), userId: 'holder' } as Actor, Permission.SHOW_QR, soldBySpace)).toBe(true);
    expect(allows(admin, Permission.SHOW_QR, soldBySpace)).toBe(false);
    expect(allows(activeOperator, Permission.MANAGE_PASS, soldBySpace)).toBe(true);
  });
});
