import { Injectable } from '@nestjs/common';
import { PartyKind } from '@passerelle/contracts';
import { Party } from '@passerelle/graphql';
import { NetworksService } from '../networks/networks.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { SpacesService } from '../spaces/spaces.service';

/** A party by kind and id, named from its space, network or organization (batched per request). */
@Injectable()
export class PartiesService {
  constructor(
    private readonly spaces: SpacesService,
    private readonly networks: NetworksService,
    private readonly organizations: OrganizationsService,
  ) {}

  async party(context: object, kind: PartyKind, id: string): Promise<Party> {
    const named =
      kind === PartyKind.SPACE
        ? await this.spaces.load(context, id)
        : kind === PartyKind.NETWORK
          ? await this.networks.load(context, id)
          : await this.organizations.load(context, id);
    return { id, kind, name: named?.name ?? 'Unknown' };
  }
}
