import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CentsScalar, Party } from '@passerelle/graphql';
import { SettlementSchema } from '../settlement.schema';

export enum PeriodStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(PeriodStatus, { name: 'PeriodStatus', registerIn: SettlementSchema });

/** The network subgraph's entity, by key: the gateway fetches the rest from there. */
@ObjectType('Network', { registerIn: SettlementSchema })
@Directive('@key(fields: "id", resolvable: false)')
export class NetworkReference {
  @Field(() => ID)
  id: string;
}

@ObjectType('Statement', { registerIn: SettlementSchema })
export class Statement {
  @Field(() => Party)
  party: Party;

  @Field(() => Int, { description: 'Visits hosted for other payers, and what they owe' })
  hostedVisits: number;

  @Field(() => CentsScalar)
  receivableCents: string;

  @Field(() => Int, { description: 'Visits this party pays for at other hosts, and what it owes' })
  paidVisits: number;

  @Field(() => CentsScalar)
  payableCents: string;

  @Field(() => CentsScalar, { description: 'receivableCents - payableCents' })
  netCents: string;
}

@ObjectType('Obligation', { registerIn: SettlementSchema })
export class Obligation {
  @Field(() => Party)
  payer: Party;

  @Field(() => Party)
  payee: Party;

  @Field(() => Int)
  visits: number;

  @Field(() => CentsScalar)
  amountCents: string;
}

@ObjectType('Transfer', { registerIn: SettlementSchema })
export class Transfer {
  @Field(() => Party)
  from: Party;

  @Field(() => Party)
  to: Party;

  @Field(() => CentsScalar)
  amountCents: string;
}

@ObjectType('Period', { registerIn: SettlementSchema })
export class Period {
  @Field(() => NetworkReference)
  network: NetworkReference;

  @Field()
  month: string;

  @Field(() => PeriodStatus)
  status: PeriodStatus;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => Int, {
    description:
      'Accepted visits with a non-zero amount settled in this period (voids and late arrivals included as adjustments)',
  })
  visitCount: number;

  @Field(() => CentsScalar)
  grossCents: string;

  @Field(() => [Statement], { description: 'One per party with anything to pay or receive, by party name' })
  statements: Statement[];

  @Field(() => [Obligation], { description: 'Gross amounts, one per payer and payee pair' })
  obligations: Obligation[];

  @Field(() => [Transfer], { description: 'The net settlement: paying these leaves every party at zero' })
  transfers: Transfer[];

  /** For the `csv` field, which renders only when asked for. */
  currency: string;
}
