import { registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

export enum MembershipStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(MembershipStatus, { name: 'MembershipStatus', registerIn: NetworkSchema });
