import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import type { CallContext } from './context.js';
import type { ScopeOptions, ScopedClient } from './db/scope.js';
import { AppError } from './errors.js';

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

/** One input parameter of an operation, as the CapabilityStatement documents it. */
export interface FhirOperationParamDef {
  name: string;
  /** FHIR type of the value, e.g. dateTime, Reference, Appointment */
  type: string;
  min: number;
  max: string;
  documentation: string;
}

/**
 * What an operation receives. Primitive inputs arrive as strings whichever way they were sent:
 * from the query string (GET) or from a Parameters body (POST: value[x] as text, a Reference as
 * its `reference`, a Coding as `system|code`, an Identifier as `system|value`).
 */
export interface FhirOperationRequest {
  /** primitive inputs by name, in the order sent, repeats kept; _count/_offset are not among them */
  params: [string, string][];
  /** POST body: a Parameters resource, or the single resource a client sent in place of one */
  body: Resource | null;
  /** paging of a searchset answer (_count, _offset), already bounded by the server */
  count: number;
  offset: number;
  /** request headers, lower-case names (e.g. idempotency-key) */
  headers: Readonly<Record<string, string | undefined>>;
}

/**
 * What an operation answers: one resource, or resources that the FHIR module wraps in a searchset
 * Bundle (with absolute fullUrls). A searchset with `params` is a page: its paging links repeat the
 * call with GET and those inputs. Status 200 unless given; `location` (a Location header) names
 * what the operation created.
 */
export type FhirOperationResult =
  | { kind: 'resource'; resource: Resource; status?: number; location?: { type: string; id: string } }
  | { kind: 'searchset'; resources: Resource[]; total: number; params?: [string, string][]; status?: number; location?: { type: string; id: string } };

/** A type-level operation, `[base]/<Type>/$<name>` (R4 §3.1.0.13). */
export interface FhirOperationDef {
  /** the code after `$`, e.g. `find` */
  name: string;
  /** canonical URL of the OperationDefinition this implements */
  definition: string;
  documentation: string;
  /** the permission a caller needs (the provider's read/write permissions do not apply) */
  permission: string;
  /** true: POST only; false: GET allowed too (no side effects) */
  affectsState: boolean;
  parameters: FhirOperationParamDef[];
  invoke(ctx: CallContext, db: ScopedClient, req: FhirOperationRequest): Promise<FhirOperationResult>;
  /** options of the scoped transaction the operation runs in (e.g. generic plans for a hot search) */
  scope?: ScopeOptions;
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
  operations?: FhirOperationDef[];
}

/**
 * More for the OperationOutcome of an error than its message: further issues (e.g. what the
 * caller could do instead) and contained resources (e.g. a Bundle of alternatives). Carried in
 * the error's `extra` so that /api callers are not affected.
 */
export interface FhirOutcomeDetail {
  issues?: OperationOutcomeIssue[];
  contained?: Resource[];
}

export const FHIR_OUTCOME_EXTRA = 'fhirOutcome';

/** The same error, with detail for its OperationOutcome. */
export function withFhirOutcome(err: AppError, detail: FhirOutcomeDetail): AppError {
  return new AppError(err.status, err.code, err.messageKey, err.params, err.fieldErrors, { ...err.extra, [FHIR_OUTCOME_EXTRA]: detail });
}
