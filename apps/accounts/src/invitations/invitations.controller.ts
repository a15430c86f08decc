import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import { controllerPath, INVITATIONS, ResponseOf, UncheckedRequestOf } from '@passerelle/contracts';
import { isEmail } from 'class-validator';
import { Grant, InvitationsService } from './invitations.service';

const text = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

function grantOf(value: unknown): Grant | undefined | null {
  if (value === undefined) return undefined;
  const grant = value as Partial<Record<string, unknown>> | null;
  if (grant?.kind === 'role' && (grant.role === 'NETWORK_ADMIN' || grant.role === 'SPACE_OPERATOR')) {
    return text(grant.scopeName) ? { kind: 'role', role: grant.role, scopeName: grant.scopeName } : null;
  }
  if (grant?.kind === 'pass' && text(grant.productName) && text(grant.serial, 40)) {
    return { kind: 'pass', productName: grant.productName, serial: grant.serial };
  }
  return null;
}

/**
 * Other subgraphs name people by email (a pass holder, a role grantee) and need their account id at
 * once: this finds the account, or creates it as an invitation, and mails the address about `grant`.
 */
@Controller(controllerPath(INVITATIONS))
@UseGuards(InternalApiGuard)
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @HttpCode(200)
  async invite(@Body() body: UncheckedRequestOf<typeof INVITATIONS>): Promise<ResponseOf<typeof INVITATIONS>> {
    if (typeof body?.email !== 'string' || !isEmail(body.email.trim())) {
      throw new BadRequestException('email must be a valid email address');
    }
    const grant = grantOf(body.grant);
    if (grant === null)
      throw new BadRequestException('grant must be a role (role, scopeName) or a pass (productName, serial)');
    const user = await this.invitations.invite(body.email, grant);
    return { userId: user.id, email: user.email, claimed: user.claimed };
  }
}
