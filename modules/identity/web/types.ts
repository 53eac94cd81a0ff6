import type { Localized } from '@kangyun/web-shell/i18n';
import type { Assignment, DataScope } from '@kangyun/web-shell/types';

export type { Assignment, DataScope };

export type OrgKind = 'region' | 'institution' | 'department';
export type InstitutionType = 'hospital' | 'community_health_centre' | 'station';

export interface OrgNode {
  id: string;
  kind: OrgKind;
  institutionType?: InstitutionType;
  name: string;
  code: string;
  children: OrgNode[];
}

export type StaffStatus = 'active' | 'locked' | 'disabled';

export interface Staff {
  id: string;
  username: string;
  displayName: string;
  mobile: string | null;
  status: StaffStatus;
  assignments: Assignment[];
}

export interface NewAssignment {
  institutionId: string;
  departmentId?: string | null;
  roleId: string;
}

export interface Permission {
  code: string;
  group: string;
  kind: 'menu' | 'action';
  name: Localized;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  builtin: boolean;
  institutionId: string | null;
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
  id: string;
  clientId: string;
  name: string;
  scopes: string[];
  institutionId: string;
  institutionName: string;
  enabled: boolean;
  createdAt: string;
}

export interface OAuthScope {
  code: string;
  name: Localized;
}
