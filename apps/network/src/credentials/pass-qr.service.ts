import { Injectable } from '@nestjs/common';
import { ROTATING_CREDENTIAL_SECONDS, signPassCredential } from '@passerelle/credentials';
import { PassEntity } from '../passes/pass.entity';
import { NetworkKeysService, PRINTED_CREDENTIAL_MAX_DAYS } from './network-keys.service';
import { QrImagePool } from './qr-image-pool';

export interface IssuedQr {
  token: string;
  expiresAt: Date;
  /** Whose images these are: callers take turns for the image threads. */
  holderId: string;
}

/**
 * Signs a pass's QR credential; the images are drawn only when a client asks for them, on the image
 * threads.
 */
@Injectable()
export class PassQrService {
  constructor(
    private readonly keys: NetworkKeysService,
    private readonly images: QrImagePool,
  ) {}

  /**
   * A rotating code lasts a minute (a screenshot is soon useless); a printed one lasts while the
   * pass is valid, at most a year, so that a retired key's grace period always covers it.
   */
  async issue(pass: PassEntity, printed: boolean, now = new Date()): Promise<IssuedQr> {
    const longest = new Date(now.getTime() + PRINTED_CREDENTIAL_MAX_DAYS * 24 * 3600 * 1000);
    const expiresAt = printed
      ? pass.validUntil && pass.validUntil < longest
        ? pass.validUntil
        : longest
      : new Date(now.getTime() + ROTATING_CREDENTIAL_SECONDS * 1000);
    const key = await this.keys.signingKey(pass.networkId);
    const token = signPassCredential(key, { passId: pass.id, networkId: pass.networkId, printed, expiresAt }, now);
    return { token, expiresAt, holderId: pass.holderId };
  }

  svg(qr: IssuedQr): Promise<string> {
    return this.images.render(qr.holderId, 'svg', qr.token);
  }

  pngDataUrl(qr: IssuedQr): Promise<string> {
    return this.images.render(qr.holderId, 'png', qr.token);
  }
}
