import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdPipe } from '@passerelle/graphql';
import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
import { NetworksService } from '../networks/networks.service';
import { NetworkKeysService } from './network-keys.service';
import { NetworkKeyEntity } from './network-key.entity';
import { PublicKey } from './public-key.model';

function toPublicKey(key: NetworkKeyEntity): PublicKey {
  return {
    kid: key.kid,
    alg: 'ES256',
    jwk: JSON.stringify(key.publicJwk),
    createdAt: key.createdAt,
    retiredAt: key.retiredAt,
  };
}

@Resolver(() => PublicKey)
export class NetworkKeysResolver {
  constructor(
    private readonly keys: NetworkKeysService,
    private readonly networks: NetworksService,
  ) {}

  @Allow(Permission.PUBLIC)
  @Query(() => [PublicKey], {
    description:
      "Public keys that verify a network's QR credentials offline (also served as JWKS at /.well-known/jwks.json)",
  })
  async networkKeys(@Args('networkId', { type: () => ID }, IdPipe) networkId: string): Promise<PublicKey[]> {
    // A network's first key is made on first use; asking for the keys is a use, so scanners can be set up early.
    if (await this.networks.findById(networkId)) await this.keys.signingKey(networkId);
    return (await this.keys.published(networkId)).map(toPublicKey);
  }

  @Allow(Permission.ADMINISTER_NETWORK, { resource: 'networkId', action: 'rotate its QR signing key' })
  @Mutation(() => [PublicKey], {
    description:
      'Network admin: new QR codes are signed with a new key; the retired one keeps verifying the codes it signed',
  })
  async rotateNetworkKey(@Args('networkId', { type: () => ID }, IdPipe) networkId: string): Promise<PublicKey[]> {
    await this.keys.rotate(networkId);
    return (await this.keys.published(networkId)).map(toPublicKey);
  }
}
