import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Parameters, ParametersParameter, Resource } from '@medplum/fhirtypes';
import { AppError, type FhirOperationRequest, type Kernel } from '@kangyun/kernel';
import { searchsetBundle } from '../bundle.js';
import { FHIR_JSON, rawQuery, sendResource, serverBase } from '../http.js';
import { operationFor, type ProviderRegistry } from '../registry.js';
import { IGNORED, pagingOf } from '../search-request.js';

const tags = ['FHIR R4'];

/** A primitive input as text: how it would be written in a query string. */
function primitiveOf(p: ParametersParameter): string | undefined {
  for (const [key, value] of Object.entries(p)) {
    if (!key.startsWith('value') || value === undefined || value === null) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    const v = value as { reference?: string; system?: string; code?: string; value?: string };
    if (key === 'valueReference') return v.reference;
    if (key === 'valueCoding') return v.system ? `${v.system}|${v.code ?? ''}` : v.code;
    if (key === 'valueIdentifier') return v.system ? `${v.system}|${v.value ?? ''}` : v.value;
  }
  return undefined;
}

function bodyResource(body: unknown): Resource | null {
  if (body === undefined || body === null || body === '') return null;
  if (typeof body !== 'object' || Array.isArray(body) || typeof (body as { resourceType?: unknown }).resourceType !== 'string') {
    throw new AppError(400, 'resource_type_mismatch', 'fhir.operation_body', {});
  }
  return body as Resource;
}

/**
 * The operation's inputs from the query string and, for POST, a Parameters body (its primitive
 * values join the query's; paging may come from either). A body that is some other resource is
 * handed over as it is, for operations that take a single resource.
 */
function operationRequest(req: FastifyRequest, method: 'GET' | 'POST'): FhirOperationRequest {
  const query = rawQuery(req);
  const body = method === 'POST' ? bodyResource(req.body) : null;
  const inputs = new URLSearchParams();
  for (const [k, v] of query) inputs.append(k, v);
  if (body?.resourceType === 'Parameters') {
    for (const p of (body as Parameters).parameter ?? []) {
      const value = primitiveOf(p);
      if (p.name && value !== undefined) inputs.append(p.name, value);
    }
  }
  const { count, offset } = pagingOf(inputs);
  const params: [string, string][] = [];
  for (const [k, v] of inputs) if (k !== '_count' && k !== '_offset' && !IGNORED.has(k) && v !== '') params.push([k, v]);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { params, body, count, offset, headers };
}

/** `[base]/<Type>/$<name>` with GET (operations without side effects) or POST (R4 §3.1.0.13). */
export async function invokeOperation(kernel: Kernel, registry: ProviderRegistry, req: FastifyRequest, reply: FastifyReply, type: string, name: string, method: 'GET' | 'POST'): Promise<FastifyReply> {
  const ctx = req.ctx!;
  const op = operationFor(registry, ctx, type, name, method);
  const request = operationRequest(req, method);
  const result = await kernel.scoped(ctx, (db) => op.invoke(ctx, db, request), op.scope);
  const base = serverBase(req);
  if (result.location) reply.header('location', `${base}/${result.location.type}/${result.location.id}`);
  if (result.kind === 'resource') return sendResource(reply, result.resource, result.status ?? 200);
  const paging = { params: result.params ?? [], count: request.count, offset: request.offset };
  const bundle = searchsetBundle({ base, type: `${type}/$${name}`, request: paging, resources: result.resources, total: result.total });
  // not a page of anything: links would only repeat a POST as a GET
  if (!result.params) delete bundle.link;
  return reply.code(result.status ?? 200).type(FHIR_JSON).send(bundle);
}

export function operationRoutes(app: FastifyInstance, kernel: Kernel, registry: ProviderRegistry): void {
  app.post<{ Params: { type: string; op: string } }>('/:type/:op', { schema: { tags, summary: '类型级操作（如 Appointment/$find、$hold、$book）' } }, async (req, reply) => {
    const { type, op } = req.params;
    if (!op.startsWith('$')) throw new AppError(404, 'not_found', 'fhir.no_route', { method: req.method, path: req.url.split('?')[0] });
    return invokeOperation(kernel, registry, req, reply, type, op.slice(1), 'POST');
  });
}
