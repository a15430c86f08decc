import { dataOf } from '@passerelle/testing';
import { checkIn, createOrganization, holderSession, seedNetwork, sellPass, signUp } from '../support/passes';
import { REGISTER_SCANNER } from '../support/documents';
import { monthIn, period } from '../support/settlement';
import type { StackClient } from '../support/shared-stack';

/** Who sends a request of the corpus. */
export type Role = 'anonymous' | 'stranger' | 'admin' | 'operator' | 'hostOperator' | 'scanner' | 'holder';

/**
 * The small world every malformed request aims at: real rows, so that a request the server wrongly
 * accepted would change something the snapshot sees.
 */
export interface World {
  tokens: Record<Exclude<Role, 'anonymous'>, string>;
  networkId: string;
  /** The space that sold the pass (its operator is `operator`, its scanner `scanner`). */
  spaceId: string;
  /** A second member space, where the pass was used once (its operator is `hostOperator`). */
  hostSpaceId: string;
  membershipId: string;
  scannerId: string;
  organizationId: string;
  productId: string;
  passId: string;
  passSerial: string;
  /** A pass of its own for the revokePass cases, so that a wrongly accepted one leaves the others' pass alone. */
  revocablePassId: string;
  visitId: string;
  holderUserId: string;
  adminUserId: string;
  /** The current month of the network, `YYYY-MM`. */
  month: string;
}

export async function seedWorld(stack: StackClient): Promise<World> {
  const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
  const [seller, host] = seeded.spaces;
  const organization = await createOrganization(stack, seeded.admin.token, seeded.network.id);
  const pass = await sellPass(stack, seeded);
  const revocable = await sellPass(stack, seeded);
  const holder = await holderSession(stack, pass.holderEmail);
  const stranger = await signUp(stack);
  const visit = await checkIn(stack, host.scanner, { spaceId: host.id, credential: pass.serial });
  if (!visit.visit) throw new Error(`The world's visit was refused: ${visit.message}`);
  const { registerScanner } = dataOf(
    await stack.gql<{ registerScanner: { scanner: { id: string } } }>(
      REGISTER_SCANNER,
      { input: { spaceId: seller.id, name: 'Back office' } },
      seller.operator.token,
    ),
  );
  const month = monthIn(new Date(), seeded.network.timezone);
  // Reading the period makes settlement record the visit first: the snapshot taken next stays still.
  await period(stack, seeded.admin.token, seeded.network.id, month);
  return {
    tokens: {
      stranger: stranger.token,
      admin: seeded.admin.token,
      operator: seller.operator.token,
      hostOperator: host.operator.token,
      scanner: seller.scanner,
      holder: holder.token,
    },
    networkId: seeded.network.id,
    spaceId: seller.id,
    hostSpaceId: host.id,
    membershipId: seller.membershipId,
    scannerId: registerScanner.scanner.id,
    organizationId: organization.id,
    productId: pass.product.id,
    passId: pass.id,
    passSerial: pass.serial,
    revocablePassId: revocable.id,
    visitId: visit.visit.id,
    holderUserId: holder.userId,
    adminUserId: seeded.admin.userId,
    month,
  };
}
