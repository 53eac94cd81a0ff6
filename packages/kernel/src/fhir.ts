import type { Resource } from '@medplum/fhirtypes';
import type { CallContext } from './context.js';
import type { ScopedClient } from './db/scope.js';

export interface FhirSearchParamDef {
  name: string;
  type: 'string' | 'token' | 'date' | 'reference' | 'number';
  documentation: string;
}

export interface FhirSearchRequest {
  /** all query parameters except _count/_offset, values as given (repeated keys kept) */
  params: [string, string][];
  count: number;
  offset: number;
}

/**
 * A module's contribution to /fhir/R4: one resource type mapped from its tables.
 * The FHIR module routes, pages, builds Bundles and the CapabilityStatement; providers only map.
 * Every call runs inside the caller's scoped transaction, so row-level security applies.
 */
export interface FhirResourceProvider {
  type: Resource['resourceType'];
  profile?: string;
  searchParams: FhirSearchParamDef[];
  permissions: { read: string; write?: string };
  read?(ctx: CallContext, db: ScopedClient, id: string): Promise<Resource | null>;
  search?(ctx: CallContext, db: ScopedClient, req: FhirSearchRequest): Promise<{ resources: Resource[]; total: number }>;
  create?(ctx: CallContext, db: ScopedClient, resource: Resource): Promise<Resource>;
  update?(ctx: CallContext, db: ScopedClient, id: string, resource: Resource): Promise<Resource>;
}
