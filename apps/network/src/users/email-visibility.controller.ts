import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import { EmailVisibilityService } from './email-visibility.service';

/** As many users as one GraphQL response can name, with room to spare. */
const MAX_USERS = 1000;

/**
 * The accounts subgraph owns emails but not roles: for one viewer and the users a request shows,
 * it asks here whose email the viewer may see. One call per request, whatever the number of users.
 */
@Controller('internal/email-visibility')
@UseGuards(InternalApiGuard)
export class EmailVisibilityController {
  constructor(private readonly visibility: EmailVisibilityService) {}

  @Post()
  @HttpCode(200)
  async visible(@Body() body: { viewerId?: unknown; userIds?: unknown }): Promise<{ visibleUserIds: string[] }> {
    const { viewerId, userIds } = body ?? {};
    if (
      typeof viewerId !== 'string' ||
      !Array.isArray(userIds) ||
      userIds.length > MAX_USERS ||
      !userIds.every((id): id is string => typeof id === 'string')
    ) {
      throw new BadRequestException(`viewerId must be a string and userIds at most ${MAX_USERS} strings`);
    }
    return { visibleUserIds: await this.visibility.visibleTo(viewerId, userIds) };
  }
}
