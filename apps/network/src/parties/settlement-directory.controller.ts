import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import { controllerPath, SETTLEMENT_DIRECTORY, SettlementDirectory, UncheckedRequestOf } from '@passerelle/contracts';
import { SettlementDirectoryService } from './settlement-directory.service';

/** The registry's answer to the settlement subgraph, for one network and one user (see the service). */
@Controller(controllerPath(SETTLEMENT_DIRECTORY))
@UseGuards(InternalApiGuard)
export class SettlementDirectoryController {
  constructor(private readonly directories: SettlementDirectoryService) {}

  @Post()
  @HttpCode(200)
  directory(@Body() body: UncheckedRequestOf<typeof SETTLEMENT_DIRECTORY>): Promise<SettlementDirectory> {
    const { networkId, userId, emailVerified } = body ?? {};
    if (typeof networkId !== 'string' || (userId !== undefined && typeof userId !== 'string')) {
      throw new BadRequestException('networkId (and optionally userId) must be strings');
    }
    return this.directories.directory(networkId, userId, emailVerified === true);
  }
}
