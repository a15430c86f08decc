import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PartyKind } from '@passerelle/contracts';

/**
 * Value types that several subgraphs return, defined once and `@shareable` (Federation 2 lets each
 * subgraph resolve them). They name no `registerIn`: a subgraph's schema holds them exactly when one
 * of its own types refers to them.
 */

registerEnumType(PartyKind, { name: 'PartyKind' });

@ObjectType('Party', {
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

@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
