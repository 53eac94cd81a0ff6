import type { Localized } from '@kangyun/web-shell/i18n';
import type { Assignment, DataScope, Id } from '@kangyun/web-shell/types';

export type { Assignment, DataScope, Id };

export type OrgKind = 'region' | 'institution' | 'department';
export type InstitutionType = 'hospital' | 'community_health_centre' | 'station';

export interface OrgNode {
  id: Id;
  kind: OrgKind;
  institutionType?: InstitutionType;
  name: string;
  code: string;
  children: OrgNode[];
}

export type StaffStatus = 'active' | 'locked' | 'disabled';

export interface Staff {
  id: Id;
  username: string;
  displayName: string;
  mobile: string | null;
  status: StaffStatus;
  assignments: Assignment[];
}

export interface NewAssignment {
  institutionId: Id;
  departmentId?: Id | null;
  roleId: Id;
}

export interface Permission {
  code: string;
  group: string;
  kind: 'menu' | 'action';
  name: Localized;
}

export interface Role {
  id: Id;
  code: string;
  name: string;
  builtin: boolean;
  institutionId: Id | null;
  permissions: string[];
  dataScope: DataScope;
}

export interface SecurityPolicy {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordHistory: number;
  passwordMaxAgeDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
}

export interface OAuthClient {
  id: Id;
  clientId: string;
  name: string;
  scopes: string[];
  institutionId: Id;
  institutionName: string;
  enabled: boolean;
  createdAt: string;
}

export interface OAuthScope {
  code: string;
  name: Localized;
}
