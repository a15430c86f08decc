import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

export enum PartyKind {
  SPACE = 'SPACE',
  NETWORK = 'NETWORK',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(PartyKind, { name: 'PartyKind', registerIn: NetworkSchema });

/** Who owes or is owed for a visit. A value type: the settlement subgraph returns the same shape. */
@ObjectType('Party', {
  registerIn: NetworkSchema,
  description: "Who owes or is owed money in settlement; id is the space's, network's or organization's id",
})
@Directive('@shareable')
export class Party {
  @Field(() => ID)
  id: string;

  @Field(() => PartyKind)
  kind: PartyKind;

  @Field()
  name: string;
}
