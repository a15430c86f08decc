import { registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

export enum Role {
  NETWORK_ADMIN = 'NETWORK_ADMIN',
  SPACE_OPERATOR = 'SPACE_OPERATOR',
}

registerEnumType(Role, { name: 'Role', registerIn: NetworkSchema });
