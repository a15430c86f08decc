import { Controller, Get, Header } from '@nestjs/common';
import { NetworkKeysService } from './network-keys.service';

/** Every network's QR verification keys, for scanners that check codes offline (the gateway relays it). */
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: NetworkKeysService) {}

  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  async jwks(): Promise<{ keys: Array<Record<string, string>> }> {
    return { keys: (await this.keys.published()).map((key) => key.publicJwk) };
  }
}
