import type { KangyunModule } from '@kangyun/kernel';
import { FHIR_BASE_PATH } from './http.js';
import { FHIR_MESSAGES } from './messages.js';
import { fhirPlugin } from './plugin.js';
import { collectProviders } from './registry.js';

/**
 * FHIR R4 REST API over every module's providers: routing, permissions, paging, Bundles,
 * CapabilityStatement and OperationOutcome errors. Providers only map their tables.
 */
export const fhirModule: KangyunModule = {
  name: 'fhir',
  messages: FHIR_MESSAGES,
  async routes(app, kernel, modules) {
    await app.register(fhirPlugin, { prefix: FHIR_BASE_PATH, kernel, registry: collectProviders(modules, kernel) });
  },
};
