/** Server ids are integers in JSON; route params and menu keys are strings. Compare with sameId. */
export type Id = number | string;

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a != null && b != null && String(a) === String(b);
}

export type DataScope = 'own' | 'department' | 'institution' | 'region';

export interface Assignment {
  id: Id;
  institutionId: Id;
  institutionName: string;
  departmentId: Id | null;
  departmentName: string | null;
  roleId: Id;
  roleCode: string;
  roleName: string;
}

export interface SessionUser {
  id: Id;
  username: string;
  displayName: string;
  mobile: string | null;
}

export interface SessionInfo {
  user: SessionUser;
  assignments: Assignment[];
  currentAssignmentId: Id | null;
  permissions: string[];
  dataScope: DataScope;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  idleTimeoutSeconds: number;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export type LoginStatus = 'ok' | 'password_change_required' | 'totp_required' | 'totp_setup_required';

export interface LoginResponse {
  status: LoginStatus;
  session?: SessionInfo;
  totpSetup?: TotpSetup;
}

/** One permission code, or a list of which any one suffices. */
export type PermissionRequirement = string | readonly string[];
