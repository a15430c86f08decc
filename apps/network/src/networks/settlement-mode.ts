import { registerEnumType } from '@nestjs/graphql';
import { NetworkSchema } from '../network.schema';

export enum SettlementMode {
  DIRECT = 'DIRECT',
  CENTRAL = 'CENTRAL',
}

registerEnumType(SettlementMode, {
  name: 'SettlementMode',
  registerIn: NetworkSchema,
  valuesMap: {
    DIRECT: {
      description: 'Parties pay each other directly: at most one transfer fewer than the parties with a non-zero net',
    },
    CENTRAL: { description: 'Every party settles its net with the network, which pays out the rest' },
  },
});
