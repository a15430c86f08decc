import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import {
  controllerPath,
  EMAIL_VISIBILITY,
  MAX_EMAIL_VISIBILITY_USERS,
  ResponseOf,
  UncheckedRequestOf,
} from '@passerelle/contracts';
import { EmailVisibilityService } from './email-visibility.service';

/**
 * The accounts subgraph owns emails but not roles: for one viewer and the users a request shows,
 * it asks here whose email the viewer may see. One call per request, whatever the number of users.
 */
@Controller(controllerPath(EMAIL_VISIBILITY))
@UseGuards(InternalApiGuard)
export class EmailVisibilityController {
  constructor(private readonly visibility: EmailVisibilityService) {}

  @Post()
  @HttpCode(200)
  async visible(
    @Body() body: UncheckedRequestOf<typeof EMAIL_VISIBILITY>,
  ): Promise<ResponseOf<typeof EMAIL_VISIBILITY>> {
    const { viewerId, userIds } = body ?? {};
    if (
      typeof viewerId !== 'string' ||
      !Array.isArray(userIds) ||
      userIds.length > MAX_EMAIL_VISIBILITY_USERS ||
      !userIds.every((id): id is string => typeof id === 'string')
    ) {
      throw new BadRequestException(
        `viewerId must be a string and userIds at most ${MAX_EMAIL_VISIBILITY_USERS} strings`,
      );
    }
    return { visibleUserIds: await this.visibility.visibleTo(viewerId, userIds) };
  }
}
