import type { FastifyInstance } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import { AppError, type CallContext, type FhirResourceProvider, type Kernel } from '@kangyun/kernel';
import { sendResource } from '../http.js';
import { providerFor, type ProviderRegistry } from '../registry.js';
import { invokeOperation } from './operation.js';

const tags = ['FHIR R4'];
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

async function readOne(kernel: Kernel, p: FhirResourceProvider, ctx: CallContext, id: string): Promise<Resource> {
  const missing = () => new AppError(404, 'not_found', 'fhir.resource_not_found', { type: p.type, id });
  // an id FHIR does not allow cannot exist, and providers need not defend against it
  if (!FHIR_ID.test(id)) throw missing();
  const resource = await kernel.scoped(ctx, (db) => p.read!(ctx, db, id));
  if (!resource) throw missing();
  return resource;
}

export function readRoutes(app: FastifyInstance, kernel: Kernel, registry: ProviderRegistry): void {
  app.get<{ Params: { type: string; id: string } }>('/:type/:id', { schema: { tags, summary: 'read：按 id 读取资源；$name 为 GET 方式调用的类型级操作' } }, async (req, reply) => {
    const ctx = req.ctx!;
    // `$name` cannot be an id (ids have no `$`): it is a type-level operation invoked with GET
    if (req.params.id.startsWith('$')) return invokeOperation(kernel, registry, req, reply, req.params.type, req.params.id.slice(1), 'GET');
    const p = providerFor(registry, ctx, req.params.type, 'read');
    return sendResource(reply, await readOne(kernel, p, ctx, req.params.id));
  });

  // only the current version exists; answering it makes the Location of a create resolvable
  app.get<{ Params: { type: string; id: string; vid: string } }>('/:type/:id/_history/:vid', { schema: { tags, summary: 'vread：读取资源的当前版本' } }, async (req, reply) => {
    const ctx = req.ctx!;
    const { type, id, vid } = req.params;
    const p = providerFor(registry, ctx, type, 'vread');
    const resource = await readOne(kernel, p, ctx, id);
    if (resource.meta?.versionId !== vid) throw new AppError(404, 'not_found', 'fhir.version_not_found', { type, id, version: vid });
    return sendResource(reply, resource);
  });
}
