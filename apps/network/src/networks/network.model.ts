import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { SettlementMode } from './settlement-mode';
import { NetworkSchema } from '../network.schema';

@ObjectType('Network', { registerIn: NetworkSchema })
@Directive('@key(fields: "id")')
export class Network {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field({ description: 'ISO 4217, e.g. EUR' })
  currency: string;

  @Field({ description: 'IANA zone that bounds its months, e.g. Europe/Paris' })
  timezone: string;

  @Field(() => SettlementMode)
  settlementMode: SettlementMode;
}
