export type DataScope = 'own' | 'department' | 'institution' | 'region';

export interface Assignment {
  id: string;
  institutionId: string;
  institutionName: string;
  departmentId: string | null;
  departmentName: string | null;
  roleId: string;
  roleCode: string;
  roleName: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  mobile: string | null;
}

export interface SessionInfo {
  user: SessionUser;
  assignments: Assignment[];
  currentAssignmentId: string | null;
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
