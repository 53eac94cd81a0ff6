import { useMemo, type ReactNode } from 'react';
import type { Localized } from './i18n';
import type { ModuleMenuItem } from './module';
import { webModules } from './modules';
import { useCan } from './session';

export interface VisibleMenuGroup {
  key: string;
  label?: Localized;
  icon?: ReactNode;
  items: ModuleMenuItem[];
}

/** Menu entries of all modules that the current post may open, grouped per module. */
export function useVisibleMenu(): VisibleMenuGroup[] {
  const can = useCan();
  return useMemo(
    () =>
      webModules
        .map((module) => ({
          key: module.id,
          label: module.menuGroup?.label,
          icon: module.menuGroup?.icon,
          items: module.menu.filter((item) => can(item.permission)),
        }))
        .filter((group) => group.items.length > 0),
    [can],
  );
}

/** The menu key whose path is the longest prefix of `pathname`. */
export function matchMenuKey(groups: VisibleMenuGroup[], pathname: string): string | undefined {
  let best: { key: string; length: number } | undefined;
  for (const group of groups) {
    for (const item of group.items) {
      const path = item.path.replace(/\/$/, '');
      if (pathname === path || pathname.startsWith(`${path}/`)) {
        if (!best || path.length > best.length) best = { key: item.key, length: path.length };
      }
    }
  }
  return best?.key;
}
