import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MembershipStatus } from './membership-status';
import { NetworkSchema } from '../network.schema';

@ObjectType('Membership', { registerIn: NetworkSchema })
export class Membership {
  @Field(() => ID)
  id: string;

  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Field(() => Int, {
    nullable: true,
    description: "Check-ins accepted per local day at this space for the network's passes; null means no limit",
  })
  nomadSeats: number | null;

  @Field(() => Int, { description: 'Credits a CREDITS pass spends for a day here' })
  creditsPerDay: number;

  @Field(() => Date, { nullable: true })
  joinedAt: Date | null;
}
