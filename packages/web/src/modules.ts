import type { WebModule } from './module';

type ModuleFile = { default?: WebModule; webModule?: WebModule };

// Every modules/<name>/web/index.tsx is picked up at build time; adding a module needs no change here.
const files = import.meta.glob<ModuleFile>('../../../modules/*/web/index.tsx', { eager: true });

function isWebModule(value: unknown): value is WebModule {
  return !!value && typeof value === 'object' && 'id' in value && 'routes' in value && 'menu' in value;
}

export const webModules: WebModule[] = Object.entries(files)
  .map(([file, exports]) => {
    const module = exports.default ?? exports.webModule;
    if (!isWebModule(module)) {
      console.warn(`[kangyun] ${file} does not export a WebModule`);
      return undefined;
    }
    return module;
  })
  .filter((module): module is WebModule => module !== undefined)
  .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
