import type { DataScope, ScopeContext } from './db/scope.js';
import type { Lang } from './i18n.js';

/** The authenticated caller: a staff member acting in one assignment, or an integration client. */
export interface Actor {
  kind: 'user' | 'client' | 'patient';
  accountId: number | null;
  /** username, or the OAuth client_id */
  name: string;
  displayName: string;
  clientId: string | null;
  assignmentId: number | null;
  institutionId: number;
  departmentId: number | null;
  regionId: number;
  roleCode: string;
  adminKind: 'system' | 'security' | 'audit' | null;
  permissions: ReadonlySet<string>;
  scope: DataScope;
  /** institutions of the caller's region */
  regionInstitutions: number[];
  mustChangePassword: boolean;
  /** set when a patient acts through the patient portal (kind 'patient') */
  patientId?: number;
}

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  lang: Lang;
}

export interface CallContext {
  actor: Actor;
  request: RequestInfo;
}

export function scopeOf(actor: Actor): ScopeContext {
  return {
    actorId: actor.accountId,
    institutionId: actor.institutionId,
    departmentId: actor.departmentId,
    scope: actor.scope,
    institutions: actor.scope === 'region' ? actor.regionInstitutions : [actor.institutionId],
  };
}
