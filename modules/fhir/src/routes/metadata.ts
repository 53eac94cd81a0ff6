import type { FastifyInstance } from 'fastify';
import { capabilityStatement } from '../capability.js';
import { FHIR_JSON, serverBase } from '../http.js';
import type { ProviderRegistry } from '../registry.js';

/** Public, as FHIR clients read it before they authenticate to learn how to. */
export function metadataRoute(app: FastifyInstance, registry: ProviderRegistry): void {
  const startedAt = new Date().toISOString();
  app.get('/metadata', {
    config: { public: true },
    schema: { tags: ['FHIR R4'], summary: 'CapabilityStatement：本服务器支持的资源、操作和查询参数' },
  }, async (req, reply) => reply.type(FHIR_JSON).send(capabilityStatement(registry, serverBase(req), startedAt)));
}
