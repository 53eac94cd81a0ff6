import { AppError, fhirProvidersOf, forbidden, type CallContext, type FhirResourceProvider, type KangyunModule, type Kernel } from '@kangyun/kernel';

export type Interaction = 'read' | 'vread' | 'search-type' | 'create' | 'update';

export type ProviderRegistry = ReadonlyMap<string, FhirResourceProvider>;

/** Every module's providers by resource type. Misconfigurations stop the server at start, not at the first request. */
export function collectProviders(modules: readonly KangyunModule[], kernel: Kernel): ProviderRegistry {
  const registry = new Map<string, FhirResourceProvider & { module: string }>();
  for (const m of modules) {
    for (const p of fhirProvidersOf(m, kernel)) {
      const taken = registry.get(p.type);
      if (taken) throw new Error(`FHIR resource type ${p.type} is provided by both module ${taken.module} and module ${m.name}`);
      if ((p.create || p.update) && !p.permissions.write) throw new Error(`FHIR provider ${p.type} of module ${m.name} writes but declares no write permission`);
      registry.set(p.type, { ...p, module: m.name });
    }
  }
  return registry;
}

/** The interactions a provider supports follow from the methods it implements. */
export function interactionsOf(p: FhirResourceProvider): Interaction[] {
  const list: Interaction[] = [];
  if (p.read) list.push('read', 'vread');
  if (p.search) list.push('search-type');
  if (p.create) list.push('create');
  if (p.update) list.push('update');
  return list;
}

/**
 * The provider for a request, once the caller may use it: unknown type 404, unsupported
 * interaction 405 (both public in the CapabilityStatement anyway), missing permission 403.
 */
export function providerFor(registry: ProviderRegistry, ctx: CallContext, type: string, interaction: Interaction): FhirResourceProvider {
  const p = registry.get(type);
  if (!p) throw new AppError(404, 'unknown_resource_type', 'fhir.unknown_type', { type });
  if (!interactionsOf(p).includes(interaction)) throw new AppError(405, 'interaction_not_supported', 'fhir.interaction_not_supported', { type, interaction });
  const write = interaction === 'create' || interaction === 'update';
  // collectProviders guarantees a write permission wherever create or update exists
  const permission = (write ? p.permissions.write : p.permissions.read)!;
  if (!ctx.actor.permissions.has(permission)) throw forbidden('error.forbidden_permission', { permission });
  return p;
}
