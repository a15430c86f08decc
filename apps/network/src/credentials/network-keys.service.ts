import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { generateEs256KeyPair, keyId } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import type { CredentialSigningKey } from '@passerelle/credentials';
import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { DataSource, IsNull, Like, MoreThan, Repository } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { KeyEncryption } from './key-encryption';
import { NetworkKeyEntity } from './network-key.entity';

/** The longest a credential lives (a printed code with no pass end): a retired key verifies that long. */
export const PRINTED_CREDENTIAL_MAX_DAYS = 365;
const RETIRED_KEY_GRACE_MS = (PRINTED_CREDENTIAL_MAX_DAYS + 1) * 24 * 3600 * 1000;

interface VerificationKey {
  networkId: string;
  publicKey: KeyObject;
  retiredAt: Date | null;
}

/**
 * Signing and verification keys per network, parsed once and kept in memory: a check-in verifies a
 * QR code without a database round trip. A `kid` this process has not seen is looked up once.
 */
@Injectable()
export class NetworkKeysService implements OnApplicationBootstrap {
  private readonly signing = new Map<string, CredentialSigningKey>();
  private readonly verifying = new Map<string, VerificationKey>();

  constructor(
    @InjectRepository(NetworkKeyEntity, NETWORK_DATA_SOURCE) private readonly keys: Repository<NetworkKeyEntity>,
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
  ) {}

  /**
   * Seals the keys an earlier version stored unsealed (there was no secret then): from this start on,
   * no private key lies readable in the database. Each row is replaced only if still unsealed, so two
   * servers starting at once do no harm.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    const plain = await this.keys.findBy({ sealedPrivateKey: Like('plain:%') });
    for (const row of plain) {
      const sealed = this.encryption.seal(this.encryption.open(row.sealedPrivateKey));
      await this.keys.update({ kid: row.kid, sealedPrivateKey: row.sealedPrivateKey }, { sealedPrivateKey: sealed });
    }
  }

  /** The network's current signing key, made on first use. */
  async signingKey(networkId: string): Promise<CredentialSigningKey> {
    const cached = this.signing.get(networkId);
    if (cached) return cached;
    let current = await this.keys.findOneBy({ networkId, retiredAt: IsNull() });
    if (!current) {
      await this.keys.createQueryBuilder().insert().values(this.newKey(networkId)).orIgnore().execute();
      current = await this.keys.findOneByOrFail({ networkId, retiredAt: IsNull() });
    }
    const key = { kid: current.kid, privateKey: createPrivateKey(this.encryption.open(current.sealedPrivateKey)) };
    this.signing.set(networkId, key);
    return key;
  }

  /**
   * The public key for a `kid`, with its network, if it may still verify credentials at `at`. Only
   * keys that exist are kept in memory: unknown `kid`s (anyone can write one) are not cached.
   */
  async verificationKey(kid: string, at: Date): Promise<{ networkId: string; publicKey: KeyObject } | undefined> {
    let key = this.verifying.get(kid);
    if (!key) {
      const row = await this.keys.findOneBy({ kid });
      if (!row) return undefined;
      key = {
        networkId: row.networkId,
        publicKey: createPublicKey({ key: row.publicJwk, format: 'jwk' }),
        retiredAt: row.retiredAt,
      };
      this.verifying.set(kid, key);
    }
    if (key.retiredAt && key.retiredAt.getTime() + RETIRED_KEY_GRACE_MS < at.getTime()) return undefined;
    return key;
  }

  /** Retires the current key and makes a new one, in one transaction. */
  async rotate(networkId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(NetworkKeyEntity, { networkId, retiredAt: IsNull() }, { retiredAt: () => 'now()' });
      await manager.insert(NetworkKeyEntity, this.newKey(networkId));
    });
    this.signing.delete(networkId);
    for (const [kid, key] of this.verifying) if (key.networkId === networkId) this.verifying.delete(kid);
  }

  /** Keys that may still verify a credential: the current one and retired ones within their grace. */
  async published(networkId?: string): Promise<NetworkKeyEntity[]> {
    if (networkId !== undefined && !isUuid(networkId)) return [];
    const since = new Date(Date.now() - RETIRED_KEY_GRACE_MS);
    const scope = networkId ? { networkId } : {};
    return this.keys.find({
      where: [
        { ...scope, retiredAt: IsNull() },
        { ...scope, retiredAt: MoreThan(since) },
      ],
      order: { createdAt: 'DESC' },
    });
  }

  private newKey(networkId: string): Partial<NetworkKeyEntity> {
    const pair = generateEs256KeyPair();
    const publicKey = createPublicKey(pair.publicKeyPem);
    const kid = keyId(publicKey);
    return {
      kid,
      networkId,
      publicJwk: { ...(publicKey.export({ format: 'jwk' }) as Record<string, string>), kid, alg: 'ES256', use: 'sig' },
      sealedPrivateKey: this.encryption.seal(pair.privateKeyPem),
    };
  }
}
