import { BadRequestException, Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { InternalApiGuard } from '@passerelle/auth';
import { controllerPath, ResponseOf, SCANNER_CALLER, UncheckedRequestOf } from '@passerelle/contracts';
import { ScannersService } from './scanners.service';

/**
 * Device tokens are known to this subgraph alone: another subgraph that a scanner's request reaches
 * (settlement, for a visit's period) asks here who the token stands for, as it is now.
 */
@Controller(controllerPath(SCANNER_CALLER))
@UseGuards(InternalApiGuard)
export class ScannerCallerController {
  constructor(private readonly scanners: ScannersService) {}

  @Post()
  @HttpCode(200)
  async caller(@Body() body: UncheckedRequestOf<typeof SCANNER_CALLER>): Promise<ResponseOf<typeof SCANNER_CALLER>> {
    if (typeof body?.token !== 'string') throw new BadRequestException('token must be a string');
    return { caller: await this.scanners.authenticate(body.token) };
  }
}
