import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdPipe, NotFoundError } from '@passerelle/graphql';
import { DataSource } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { AccessService } from './access.service';
import { ALLOW, AllowMetadata } from './allow.decorator';
import { RULES } from './permissions';
import { loadSubject, SUBJECT_NAMES } from './subjects';

function argumentAt(args: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], args);
}

/** Applies the `@Allow` of a resolver. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const allow = this.reflector.get<AllowMetadata | undefined>(ALLOW, execution.getHandler());
    if (!allow) return true;
    const graphql = GqlExecutionContext.create(execution);
    const context = graphql.getContext<object>();
    const kind = allow.from ?? RULES[allow.permission].subject;
    let subject: unknown = null;
    if (kind !== null) {
      const id = allow.resource ? argumentAt(graphql.getArgs(), allow.resource) : undefined;
      // Guards run before pipes: a malformed id is named here as the client's mistake, not a missing row.
      if (allow.resource) new IdPipe().transform(id, { type: 'custom', data: allow.resource });
      subject = typeof id === 'string' ? await loadSubject(this.dataSource, kind, id) : null;
      if (!subject) throw new NotFoundError(SUBJECT_NAMES[kind], typeof id === 'string' ? id : undefined);
    }
    await this.access.require(context, allow.permission, subject, allow.action ?? 'do this');
    return true;
  }
}
