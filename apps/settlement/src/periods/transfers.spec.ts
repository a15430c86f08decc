import fc from 'fast-check';
import { centralTransfers, directTransfers, PartyKey, PartyNet, Transfer } from './transfers';

const space = (id: string): PartyKey => ({ kind: 'SPACE', id });
const network: PartyKey = { kind: 'NETWORK', id: 'net' };

/** Random nets that sum to zero, as a month's statements always do. */
const balancedNets = fc
  .array(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), { minLength: 1, maxLength: 40 })
  .map((amounts): PartyNet[] => {
    const total = amounts.reduce((a, b) => a + b, 0n);
    return [...amounts, -total].map((netCents, i) => ({ party: space(`p${String(i).padStart(3, '0')}`), netCents }));
  });

function settle(nets: PartyNet[], transfers: Transfer[]): Map<string, bigint> {
  const balance = new Map(nets.map((n) => [n.party.id, n.netCents]));
  for (const t of transfers) {
    balance.set(t.from.id, (balance.get(t.from.id) ?? 0n) + t.amountCents);
    balance.set(t.to.id, (balance.get(t.to.id) ?? 0n) - t.amountCents);
  }
  return balance;
}

describe('transfers', () => {
  it('DIRECT: settles every net with at most k − 1 positive transfers', () => {
    fc.assert(
      fc.property(balancedNets, (nets) => {
        const transfers = directTransfers(nets);
        const nonZero = nets.filter((n) => n.netCents !== 0n).length;
        expect(transfers.length).toBeLessThanOrEqual(Math.max(nonZero - 1, 0));
        expect(transfers.every((t) => t.amountCents > 0n)).toBe(true);
        expect([...settle(nets, transfers).values()].every((v) => v === 0n)).toBe(true);
      }),
    );
  });

  it('DIRECT: matches the largest debtor with the largest creditor, ties by party id', () => {
    const nets = [
      { party: space('b'), netCents: 300n },
      { party: space('a'), netCents: 300n },
      { party: space('c'), netCents: -500n },
      { party: space('d'), netCents: -100n },
    ];
    expect(directTransfers(nets)).toEqual([
      { from: space('c'), to: space('a'), amountCents: 300n },
      { from: space('c'), to: space('b'), amountCents: 200n },
      { from: space('d'), to: space('b'), amountCents: 100n },
    ]);
  });

  it('CENTRAL: every other party settles its net with the network', () => {
    fc.assert(
      fc.property(balancedNets, (nets) => {
        const withNetwork = [...nets, { party: network, netCents: 0n }];
        const transfers = centralTransfers(withNetwork, network);
        expect(transfers.every((t) => t.from.id === 'net' || t.to.id === 'net')).toBe(true);
        const balance = settle(withNetwork, transfers);
        expect([...balance.entries()].every(([id, v]) => id === 'net' || v === 0n)).toBe(true);
        expect(balance.get('net')).toBe(0n);
      }),
    );
  });
});
