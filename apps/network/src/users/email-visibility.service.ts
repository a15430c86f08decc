import { Injectable } from '@nestjs/common';
import { isUuid } from '@passerelle/database';
import { AccessService } from '../access/access.service';
import { allows, Permission } from '../access/permissions';

/**
 * Whose email a viewer may see, by the catalogue's SEE_EMAIL rule: the person themself, and the
 * issuers of a pass they hold (the paying space's operators, the network's admins). Host spaces see
 * names only.
 */
@Injectable()
export class EmailVisibilityService {
  constructor(private readonly access: AccessService) {}

  /**
   * The users among `userIds` whose email `viewerId` may see, from the role grants as they are now.
   * Accounts asks only for viewers whose address is verified (an unverified one sees no one else's).
   */
  async visibleTo(viewerId: string, userIds: string[]): Promise<string[]> {
    const ids = userIds.filter(isUuid);
    if (!isUuid(viewerId) || ids.length === 0) return [];
    const [actor, people] = await Promise.all([this.access.actorOf(viewerId, true), this.access.people(ids)]);
    return people.filter((person) => allows(actor, Permission.SEE_EMAIL, person)).map((person) => person.userId);
  }
}
