import type { FastifyInstance } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import { AppError, type Kernel } from '@kangyun/kernel';
import { sendResource, serverBase } from '../http.js';
import { providerFor, type ProviderRegistry } from '../registry.js';

const tags = ['FHIR R4'];

/** The body must be a resource of the type the URL names; anything else is refused before a provider sees it. */
function resourceBody(body: unknown, type: string): Resource {
  const actual = body && typeof body === 'object' && !Array.isArray(body) ? (body as { resourceType?: unknown }).resourceType : undefined;
  if (actual !== type) {
    throw new AppError(400, 'resource_type_mismatch', 'fhir.resource_type_mismatch', { expected: type, actual: typeof actual === 'string' ? actual : '-' });
  }
  return body as Resource;
}

export function writeRoutes(app: FastifyInstance, kernel: Kernel, registry: ProviderRegistry): void {
  app.post<{ Params: { type: string } }>('/:type', { schema: { tags, summary: 'create：新建资源（201，Location 指向新版本）' } }, async (req, reply) => {
    const ctx = req.ctx!;
    const { type } = req.params;
    const p = providerFor(registry, ctx, type, 'create');
    // the server assigns ids: a client-sent id is ignored, as FHIR requires for create
    const { id: _ignored, ...resource } = resourceBody(req.body, type);
    const created = await kernel.scoped(ctx, (db) => p.create!(ctx, db, resource as Resource));
    const version = created.meta?.versionId;
    reply.header('location', `${serverBase(req)}/${created.resourceType}/${created.id}${version ? `/_history/${version}` : ''}`);
    return sendResource(reply, created, 201);
  });

  app.put<{ Params: { type: string; id: string } }>('/:type/:id', { schema: { tags, summary: 'update：按 id 整体更新资源' } }, async (req, reply) => {
    const ctx = req.ctx!;
    const { type, id } = req.params;
    const p = providerFor(registry, ctx, type, 'update');
    const resource = resourceBody(req.body, type);
    if (resource.id !== id) throw new AppError(400, 'id_mismatch', 'fhir.id_mismatch', { expected: id, actual: resource.id ?? '-' });
    const updated = await kernel.scoped(ctx, (db) => p.update!(ctx, db, id, resource));
    return sendResource(reply, updated);
  });
}
