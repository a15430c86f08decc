import { dataOf } from '@passerelle/testing';
import type { Party } from './passes';
import type { GatewayClient } from './shared-stack';

/** Builders over the public API for the settlement tests. */

const PERIOD_FIELDS = `network { id slug } month status closedAt visitCount grossCents
  statements { party { id kind name } hostedVisits receivableCents paidVisits payableCents netCents }
  obligations { payer { id kind name } payee { id kind name } visits amountCents }
  transfers { from { id kind name } to { id kind name } amountCents }
  csv`;
export const PERIOD = `query Period($networkId: ID!, $month: String!) {
  period(networkId: $networkId, month: $month) { ${PERIOD_FIELDS} }
}`;
export const CLOSE_PERIOD = `mutation ClosePeriod($networkId: ID!, $month: String!) {
  closePeriod(networkId: $networkId, month: $month) { ${PERIOD_FIELDS} }
}`;

export type Statement = {
  party: Party;
  hostedVisits: number;
  receivableCents: number;
  paidVisits: number;
  payableCents: number;
  netCents: number;
};
export type Period = {
  network: { id: string; slug: string };
  month: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  visitCount: number;
  grossCents: number;
  statements: Statement[];
  obligations: Array<{ payer: Party; payee: Party; visits: number; amountCents: number }>;
  transfers: Array<{ from: Party; to: Party; amountCents: number }>;
  csv: string;
};

export const tryPeriod = (stack: GatewayClient, token: string, networkId: string, month: string) =>
  stack.gql<{ period: Period }>(PERIOD, { networkId, month }, token);
export const period = async (stack: GatewayClient, token: string, networkId: string, month: string) =>
  dataOf(await tryPeriod(stack, token, networkId, month)).period;
export const tryClosePeriod = (stack: GatewayClient, token: string, networkId: string, month: string) =>
  stack.gql<{ closePeriod: Period }>(CLOSE_PERIOD, { networkId, month }, token);
export const closePeriod = async (stack: GatewayClient, token: string, networkId: string, month: string) =>
  dataOf(await tryClosePeriod(stack, token, networkId, month)).closePeriod;

/** `YYYY-MM` of an instant in a timezone, computed here rather than by the code under test. */
export const monthIn = (instant: Date | number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(instant).slice(0, 7);

/** A party as the tests name it: kind and id (names are checked where they matter). */
export const key = (party: Party) => `${party.kind}:${party.id}`;
