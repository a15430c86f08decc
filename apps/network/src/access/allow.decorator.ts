import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { AccessGuard } from './access.guard';
import { Permission, SubjectKind } from './permissions';

export const ALLOW = Symbol('ALLOW');

export interface AllowOptions {
  /** Dotted path of the argument that names the resource the rule is about (`input.spaceId`). */
  resource: string;
  /**
   * The kind of resource the argument names when it is not the rule's own: a rule about a space can be
   * asked of a scanner or a visit, whose space decides it.
   */
  from?: SubjectKind;
  /** Completes "Only … may <action>." when the caller is refused. */
  action: string;
}

export interface AllowMetadata extends Partial<AllowOptions> {
  permission: Permission;
}

/**
 * Who may call this resolver, by the catalogue (`permissions.ts`): the guard loads the resource the
 * rule is about from the named argument (NOT_FOUND when there is none) and refuses everyone else.
 */
export function Allow(permission: Permission, options?: AllowOptions): MethodDecorator {
  return applyDecorators(
    SetMetadata(ALLOW, { permission, ...options } satisfies AllowMetadata),
    UseGuards(AccessGuard),
  );
}
