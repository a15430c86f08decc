import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { AccessClaims, InternalApiGuard } from '@passerelle/auth';
import { ACCOUNT_CREDENTIALS, ResponseOf, UncheckedRequestOf, USER_CALLER } from '@passerelle/contracts';
import { isUuid } from '@passerelle/database';
import { AccountCredentialsService } from './account-credentials.service';

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Accounts reports here each verification and password reset (before committing it); settlement, which
 * keeps no copy, asks here whether an access token is still good.
 */
@Controller('internal')
@UseGuards(InternalApiGuard)
export class AccountCredentialsController {
  constructor(private readonly credentials: AccountCredentialsService) {}

  @Post('account-credentials')
  @HttpCode(200)
  async record(
    @Body() body: UncheckedRequestOf<typeof ACCOUNT_CREDENTIALS>,
  ): Promise<ResponseOf<typeof ACCOUNT_CREDENTIALS>> {
    const { userId, version, emailVerified } = body ?? {};
    if (typeof userId !== 'string' || !isUuid(userId) || !isVersion(version) || typeof emailVerified !== 'boolean') {
      throw new BadRequestException('userId (a UUID), version (an integer) and emailVerified are required');
    }
    await this.credentials.record(userId, version, emailVerified);
    return {};
  }

  @Post('user-caller')
  @HttpCode(200)
  async check(@Body() body: UncheckedRequestOf<typeof USER_CALLER>): Promise<ResponseOf<typeof USER_CALLER>> {
    const claims = body?.claims as Partial<AccessClaims> | undefined;
    if (
      typeof claims?.userId !== 'string' ||
      !isVersion(claims.credentialVersion) ||
      typeof claims.emailVerified !== 'boolean'
    ) {
      throw new BadRequestException('claims (userId, credentialVersion, emailVerified) are required');
    }
    const checked = await this.credentials.check(claims as AccessClaims);
    return { current: checked !== null, emailVerified: checked?.emailVerified ?? false };
  }
}
