import type { PermissionRequirement } from './types';

export function hasPermission(granted: readonly string[] | undefined, required?: PermissionRequirement): boolean {
  if (!required || (Array.isArray(required) && required.length === 0)) return true;
  if (!granted) return false;
  const list: readonly string[] = typeof required === 'string' ? [required] : required;
  return list.some((code) => granted.includes(code));
}
