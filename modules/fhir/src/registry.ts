import { AppError, fhirProvidersOf, forbidden, type CallContext, type FhirOperationDef, type FhirResourceProvider, type KangyunModule, type Kernel } from '@kangyun/kernel';

export type Interaction = 'read' | 'vread' | 'search-type' | 'create' | 'update';

export type ProviderRegistry = ReadonlyMap<string, FhirResourceProvider>;

const OPERATION_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Every module's providers by resource type. Misconfigurations stop the server at start, not at the first request. */
export function collectProviders(modules: readonly KangyunModule[], kernel: Kernel): ProviderRegistry {
  const registry = new Map<string, FhirResourceProvider & { module: string }>();
  for (const m of modules) {
    for (const p of fhirProvidersOf(m, kernel)) {
      const taken = registry.get(p.type);
      if (taken) throw new Error(`FHIR resource type ${p.type} is provided by both module ${taken.module} and module ${m.name}`);
      if ((p.create || p.update) && !p.permissions.write) throw new Error(`FHIR provider ${p.type} of module ${m.name} writes but declares no write permission`);
      const names = new Set<string>();
      for (const op of p.operations ?? []) {
        if (!OPERATION_NAME.test(op.name)) throw new Error(`FHIR operation $${op.name} of ${p.type} (module ${m.name}) has an invalid name`);
        if (names.has(op.name)) throw new Error(`FHIR operation $${op.name} of ${p.type} is declared twice by module ${m.name}`);
        if (!op.permission) throw new Error(`FHIR operation $${op.name} of ${p.type} (module ${m.name}) declares no permission`);
        names.add(op.name);
      }
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

/**
 * A type-level operation the caller may invoke with this method: unknown type or operation 404,
 * GET of an operation that changes data 405, missing permission 403.
 */
export function operationFor(registry: ProviderRegistry, ctx: CallContext, type: string, name: string, method: 'GET' | 'POST'): FhirOperationDef {
  const p = registry.get(type);
  if (!p) throw new AppError(404, 'unknown_resource_type', 'fhir.unknown_type', { type });
  const op = p.operations?.find((o) => o.name === name);
  if (!op) throw new AppError(404, 'unknown_operation', 'fhir.unknown_operation', { type, operation: name });
  if (method === 'GET' && op.affectsState) throw new AppError(405, 'interaction_not_supported', 'fhir.operation_needs_post', { type, operation: name });
  if (!ctx.actor.permissions.has(op.permission)) throw forbidden('error.forbidden_permission', { permission: op.permission });
  return op;
}
