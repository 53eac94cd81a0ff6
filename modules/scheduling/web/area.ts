import type { ModuleMenuItem, ModuleRoute } from '@kangyun/web-shell/module';

/** one part of the scheduling module's pages; web/index.tsx composes them */
export interface WebArea {
  routes: ModuleRoute[];
  standaloneRoutes?: ModuleRoute[];
  menu: ModuleMenuItem[];
}
