import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { Caller, InternalApiGuard } from '@passerelle/auth';
import { ScannersService } from './scanners.service';

/**
 * Device tokens are known to this subgraph alone: another subgraph that a scanner's request reaches
 * (settlement, for a visit's period) asks here who the token stands for, as it is now.
 */
@Controller('internal/scanner-caller')
@UseGuards(InternalApiGuard)
export class ScannerCallerController {
  constructor(private readonly scanners: ScannersService) {}

  @Post()
  @HttpCode(200)
  async caller(@Body() body: { token?: unknown }): Promise<{ caller: Caller | null }> {
    if (typeof body?.token !== 'string') throw new BadRequestException('token must be a string');
    return { caller: await this.scanners.authenticate(body.token) };
  }
}
