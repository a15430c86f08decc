import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Caller, RequestContext, requireUser } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { requestLoader } from '@passerelle/graphql';
import { DataSource } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { NotPermittedError } from './access.errors';
import { Actor, allows, Permission, Subjects } from './permissions';
import { RoleGrantEntity } from './role-grant.entity';

type GrantRow = { role: string; network_id: string | null; space_id: string | null; active_networks: string[] };

/**
 * Answers the catalogue's questions (`permissions.ts`) for the caller of a request: their roles are read
 * once per request, as they are now (a grant taken away counts at once), and each rule is decided there.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The request's caller with every role they hold; read once per request. */
  async actor(context: object): Promise<Actor> {
    const { caller } = context as RequestContext;
    if (caller.kind === 'scanner') return { kind: 'scanner', spaceId: caller.spaceId };
    if (caller.kind !== 'user') return { kind: 'anonymous' };
    const actor = await requestLoader(context, 'actor', (ids) =>
      Promise.all(ids.map((id) => this.actorOf(id, caller.emailVerified))),
    ).load(caller.userId);
    return actor!;
  }

  /** A user's roles, with the networks in which each space they operate is an ACTIVE member. */
  async actorOf(userId: string, emailVerified: boolean): Promise<Actor> {
    // Roles and passes given to the address reach the account only once it has proved it owns it.
    const rows: GrantRow[] =
      emailVerified && isUuid(userId)
        ? await this.dataSource.query(
            `SELECT g.role, g.network_id, g.space_id,
                  coalesce((SELECT array_agg(m.network_id) FROM memberships m
                             WHERE m.space_id = g.space_id AND m.status = 'ACTIVE'), '{}') AS active_networks
             FROM role_grants g WHERE g.user_id = $1`,
            [userId],
          )
        : [];
    const adminOf = new Set<string>();
    const operatorOf = new Set<string>();
    const activeSpacesByNetwork = new Map<string, Set<string>>();
    for (const row of rows) {
      if (row.network_id) adminOf.add(row.network_id);
      if (row.space_id) {
        operatorOf.add(row.space_id);
        for (const networkId of row.active_networks) {
          if (!activeSpacesByNetwork.has(networkId)) activeSpacesByNetwork.set(networkId, new Set());
          activeSpacesByNetwork.get(networkId)!.add(row.space_id);
        }
      }
    }
    return { kind: 'user', userId, emailVerified, adminOf, operatorOf, activeSpacesByNetwork };
  }

  async may<P extends Permission>(context: object, permission: P, subject: unknown): Promise<boolean> {
    return allows(await this.actor(context), permission, subject);
  }

  /**
   * FORBIDDEN unless the catalogue allows it; UNAUTHENTICATED first when the rule needs a person and
   * there is none (so that a client knows to log in). `action` completes "Only … may <action>.".
   */
  async require<P extends Permission>(context: object, permission: P, subject: unknown, action: string): Promise<void> {
    const actor = await this.actor(context);
    if (allows(actor, permission, subject)) return;
    const { caller } = context as RequestContext;
    // Only the desk rule is for devices; every other refusal of a non-person says to log in first.
    if (caller.kind !== 'scanner' || permission !== Permission.CHECK_IN) requireUser(caller);
    throw new NotPermittedError(permission, action);
  }

  /** People with the passes they hold, as the SEE_EMAIL rule weighs them (one query for all). */
  async people(userIds: readonly string[]): Promise<Array<Subjects['user']>> {
    const passes: Array<Subjects['pass']> = await this.dataSource.query(
      `SELECT DISTINCT network_id AS "networkId", holder_id AS "holderId", payer_kind AS "payerKind",
              payer_id AS "payerId"
         FROM passes WHERE holder_id = ANY($1::uuid[])`,
      [userIds.filter(isUuid)],
    );
    return userIds.map((userId) => ({ userId, passes: passes.filter((pass) => pass.holderId === userId) }));
  }

  /** The caller's own grants: none until their address is verified. */
  grantsOf(caller: Extract<Caller, { kind: 'user' }>): Promise<RoleGrantEntity[]> {
    if (!caller.emailVerified) return Promise.resolve([]);
    const { userId } = caller;
    return this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId }, order: { grantedAt: 'ASC' } });
  }
}

/** For code that has only the caller (internal endpoints): a context of its own. */
export function contextOf(caller: Caller): RequestContext {
  return { caller, clientAddress: 'internal' };
}
