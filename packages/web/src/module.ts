import type { ReactNode } from 'react';
import type { Localized } from './i18n';
import type { PermissionRequirement } from './types';

export interface ModuleRoute {
  /** Absolute path, e.g. `/patients/:id`. */
  path: string;
  element: ReactNode;
  /** Any one of these permissions opens the page; otherwise a 403 page is shown. */
  permission?: PermissionRequirement;
}

export interface ModuleMenuItem {
  key: string;
  path: string;
  icon?: ReactNode;
  label: Localized;
  permission?: PermissionRequirement;
  /** Short description shown on the home page shortcut card. */
  description?: Localized;
}

export interface ModuleMenuGroup {
  label: Localized;
  icon?: ReactNode;
}

/** A card a module puts on the home page (工作台) for users who hold the permission. */
export interface HomeWidget {
  key: string;
  element: ReactNode;
  permission?: PermissionRequirement;
  /** 'full' spans the whole row; default is half a row on wide screens. */
  width?: 'half' | 'full';
  order?: number;
}

/** What a domain module contributes to the web shell. Export it as default from `modules/<name>/web/index.tsx`. */
export interface WebModule {
  id: string;
  /** Position in the side menu; lower comes first. Defaults to 100. */
  order?: number;
  /** When set, the module's menu items are shown under one collapsible group. */
  menuGroup?: ModuleMenuGroup;
  routes: ModuleRoute[];
  /**
   * Full-screen pages outside the staff layout and sign-in: patients' phone pages (/m/…) and
   * display screens (/display/…). They authenticate their own way (patient portal session,
   * display-device token); `permission` is ignored here.
   */
  standaloneRoutes?: ModuleRoute[];
  menu: ModuleMenuItem[];
  home?: HomeWidget[];
}

export function defineWebModule(module: WebModule): WebModule {
  return module;
}
