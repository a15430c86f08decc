import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';
import { CheckInStatus, RejectionReason } from './check-in-outcome';

registerEnumType(CheckInStatus, { name: 'CheckInStatus', registerIn: NetworkSchema });
registerEnumType(RejectionReason, { name: 'RejectionReason', registerIn: NetworkSchema });

@ObjectType('CheckInResult', { registerIn: NetworkSchema })
export class CheckInResult {
  @Field(() => CheckInStatus)
  status: CheckInStatus;

  @Field(() => RejectionReason, { nullable: true })
  reason: RejectionReason | null;

  @Field({ description: 'One sentence for the front-desk screen' })
  message: string;

  @Field({
    description: 'The pass was already checked in at this space that local day: accepted again, nothing charged',
  })
  repeat: boolean;
}
