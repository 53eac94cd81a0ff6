import type { FastifyInstance } from 'fastify';
import type { Kernel } from './kernel.js';
import type { ClientScopeDef, PermissionDef } from './permissions.js';
import type { Messages } from './i18n.js';
import type { FhirResourceProvider } from './fhir.js';

/**
 * What a domain module hands the server. A module is one folder under modules/ that exports
 * one of these; the server lists modules in one place (packages/server/src/modules.ts).
 */
export interface KangyunModule {
  name: string;
  /** folder of NNN_name.sql migrations owned by this module */
  migrations?: string;
  permissions?: PermissionDef[];
  clientScopes?: ClientScopeDef[];
  messages?: Messages;
  /** HTTP routes under /api (and anything else the module serves) */
  routes?(app: FastifyInstance, kernel: Kernel, modules: readonly KangyunModule[]): Promise<void> | void;
  /** FHIR resource types this module serves; a function when the providers need kernel services */
  fhir?: FhirResourceProvider[] | ((kernel: Kernel) => FhirResourceProvider[]);
  /** background jobs and event handlers */
  start?(kernel: Kernel): Promise<void> | void;
  /** demo data; runs in module order, after earlier modules' demo data */
  seedDemo?(kernel: Kernel): Promise<void>;
}

/** A module's FHIR providers, whichever form it declares them in. */
export function fhirProvidersOf(module: KangyunModule, kernel: Kernel): FhirResourceProvider[] {
  return typeof module.fhir === 'function' ? module.fhir(kernel) : (module.fhir ?? []);
}
