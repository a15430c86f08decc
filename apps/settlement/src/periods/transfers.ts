/**
 * The net settlement of a period: who pays whom so that every party ends at zero.
 * Amounts are integer cents held in bigint, so no rounding can ever appear.
 */
export interface PartyKey {
  kind: 'SPACE' | 'NETWORK' | 'ORGANIZATION';
  id: string;
}

export interface PartyNet {
  party: PartyKey;
  netCents: bigint;
}

export interface Transfer {
  from: PartyKey;
  to: PartyKey;
  amountCents: bigint;
}

const byId = (a: PartyNet, b: PartyNet) => (a.party.id < b.party.id ? -1 : a.party.id > b.party.id ? 1 : 0);

/**
 * DIRECT: the largest debtor pays the largest creditor as much as it can, again and again. Each step
 * brings at least one party to zero, so k parties with a non-zero net need at most k − 1 transfers;
 * ties go to the smaller party id, so the same month always gives the same transfers.
 */
export function directTransfers(nets: PartyNet[]): Transfer[] {
  const open = nets.filter((n) => n.netCents !== 0n).map((n) => ({ ...n }));
  const transfers: Transfer[] = [];
  for (;;) {
    const debtors = open.filter((n) => n.netCents < 0n);
    const creditors = open.filter((n) => n.netCents > 0n);
    if (debtors.length === 0 || creditors.length === 0) break;
    const debtor = debtors.sort((a, b) =>
      a.netCents === b.netCents ? byId(a, b) : a.netCents < b.netCents ? -1 : 1,
    )[0];
    const creditor = creditors.sort((a, b) =>
      a.netCents === b.netCents ? byId(a, b) : a.netCents > b.netCents ? -1 : 1,
    )[0];
    const amount = -debtor.netCents < creditor.netCents ? -debtor.netCents : creditor.netCents;
    transfers.push({ from: debtor.party, to: creditor.party, amountCents: amount });
    debtor.netCents += amount;
    creditor.netCents -= amount;
  }
  return transfers;
}

/** CENTRAL: every party settles its own net with the network, which pays out the rest. */
export function centralTransfers(nets: PartyNet[], network: PartyKey): Transfer[] {
  return nets
    .filter((n) => n.netCents !== 0n && !(n.party.kind === network.kind && n.party.id === network.id))
    .sort(byId)
    .map((n) =>
      n.netCents < 0n
        ? { from: n.party, to: network, amountCents: -n.netCents }
        : { from: network, to: n.party, amountCents: n.netCents },
    );
}
