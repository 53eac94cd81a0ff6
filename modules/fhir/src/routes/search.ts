import type { FastifyInstance } from 'fastify';
import type { Kernel } from '@kangyun/kernel';
import { searchsetBundle } from '../bundle.js';
import { FHIR_JSON, rawQuery, serverBase } from '../http.js';
import { providerFor, type ProviderRegistry } from '../registry.js';
import { prefersStrict, searchRequest } from '../search-request.js';

export function searchRoute(app: FastifyInstance, kernel: Kernel, registry: ProviderRegistry): void {
  app.get<{ Params: { type: string } }>('/:type', {
    schema: { tags: ['FHIR R4'], summary: 'search-type：查询资源，返回 searchset Bundle（_count、_offset 分页）' },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const { type } = req.params;
    const p = providerFor(registry, ctx, type, 'search-type');
    const request = searchRequest(rawQuery(req), p, prefersStrict(req.headers.prefer));
    const { resources, total } = await kernel.scoped(ctx, (db) => p.search!(ctx, db, request));
    return reply.type(FHIR_JSON).send(searchsetBundle({ base: serverBase(req), type, request, resources, total }));
  });
}
