import type { ReactNode } from 'react';
import { useCan } from '../session';
import type { PermissionRequirement } from '../types';
import { Forbidden } from './Forbidden';

/** Renders children only when the current post grants the permission; otherwise a 403 page. */
export function RequirePermission({ permission, children }: { permission?: PermissionRequirement; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <Forbidden />;
}

/** Renders children only when permitted; otherwise nothing (for buttons and panels). */
export function Can({ permission, children, fallback = null }: { permission: PermissionRequirement; children: ReactNode; fallback?: ReactNode }) {
  const can = useCan();
  return <>{can(permission) ? children : fallback}</>;
}
