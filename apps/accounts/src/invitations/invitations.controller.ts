import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import { controllerPath, INVITATIONS, ResponseOf, UncheckedRequestOf } from '@passerelle/contracts';
import { isEmail } from 'class-validator';
import { UsersService } from '../users/users.service';

/**
 * Other subgraphs name people by email (a pass holder, a role grantee) and need their account id at
 * once: this finds the account, or creates it as an invitation that `signUp` with that email claims.
 */
@Controller(controllerPath(INVITATIONS))
@UseGuards(InternalApiGuard)
export class InvitationsController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(200)
  async invite(@Body() body: UncheckedRequestOf<typeof INVITATIONS>): Promise<ResponseOf<typeof INVITATIONS>> {
    if (typeof body?.email !== 'string' || !isEmail(body.email.trim())) {
      throw new BadRequestException('email must be a valid email address');
    }
    const user = await this.users.invite(body.email);
    return { userId: user.id, email: user.email, claimed: user.claimed };
  }
}
