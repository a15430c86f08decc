import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Caller, requireUser } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { NotFoundError } from '@passerelle/graphql';
import { IsNull, Repository } from 'typeorm';
import { SpacesService } from '../spaces/spaces.service';
import { RegisterScannerInput } from './dto/register-scanner.input';
import { ScannerEntity } from './scanner.entity';
import { hashScannerToken, newScannerToken, SCANNER_TOKEN_PREFIX } from './scanner-token';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

@Injectable()
export class ScannersService {
  constructor(
    @InjectRepository(ScannerEntity, NETWORK_DATA_SOURCE) private readonly scanners: Repository<ScannerEntity>,
    private readonly spaces: SpacesService,
  ) {}

  /** The token is returned here once and never stored in clear. */
  async register(input: RegisterScannerInput, caller: Caller): Promise<{ scanner: ScannerEntity; token: string }> {
    const space = await this.spaces.findById(input.spaceId);
    if (!space) throw new NotFoundError('Space', input.spaceId);
    const userId = requireUser(caller);
    const token = newScannerToken();
    const scanner = await this.scanners.save(
      this.scanners.create({
        spaceId: space.id,
        name: input.name,
        tokenHash: hashScannerToken(token),
        createdBy: userId,
        revokedAt: null,
      }),
    );
    return { scanner, token };
  }

  /** Takes effect on the scanner's very next request: every request looks its token up afresh. */
  async revoke(id: string): Promise<ScannerEntity> {
    const scanner = isUuid(id) ? await this.scanners.findOneBy({ id }) : null;
    if (!scanner) throw new NotFoundError('Scanner', id);
    await this.scanners.update({ id: scanner.id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return this.scanners.findOneByOrFail({ id: scanner.id });
  }

  findById(id: string): Promise<ScannerEntity | null> {
    return this.scanners.findOneBy({ id });
  }

  /** The caller a device token stands for, or null when it is unknown or revoked. */
  async authenticate(token: string): Promise<Caller | null> {
    if (!token.startsWith(SCANNER_TOKEN_PREFIX)) return null;
    const scanner = await this.scanners.findOne({
      select: { id: true, spaceId: true },
      where: { tokenHash: hashScannerToken(token), revokedAt: IsNull() },
    });
    return scanner ? { kind: 'scanner', scannerId: scanner.id, spaceId: scanner.spaceId } : null;
  }
}
