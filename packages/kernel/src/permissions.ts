/**
 * The permission catalogue. Modules declare their permissions; roles are sets of codes.
 * `menu` permissions show a page, `action` permissions allow an operation on it.
 */
export interface PermissionDef {
  code: string;
  group: string;
  kind: 'menu' | 'action';
  name: { zh: string; en: string };
  /** which of the three separated administrators owns this power (等保三级 三权分立) */
  adminKind?: 'system' | 'security' | 'audit';
}

const catalogue = new Map<string, PermissionDef>();

export function registerPermissions(defs: PermissionDef[]): void {
  for (const d of defs) catalogue.set(d.code, d);
}

export function permissionCatalogue(): PermissionDef[] {
  return [...catalogue.values()];
}

export function isKnownPermission(code: string): boolean {
  return catalogue.has(code);
}

/** Scopes an OAuth integration client may be granted, each mapping to permissions. */
export interface ClientScopeDef {
  code: string;
  name: { zh: string; en: string };
  permissions: string[];
}

const scopes = new Map<string, ClientScopeDef>();

export function registerClientScopes(defs: ClientScopeDef[]): void {
  for (const d of defs) scopes.set(d.code, d);
}

export function clientScopeCatalogue(): ClientScopeDef[] {
  return [...scopes.values()];
}

export function permissionsForScopes(codes: string[]): string[] {
  return [...new Set(codes.flatMap((c) => scopes.get(c)?.permissions ?? []))];
}
