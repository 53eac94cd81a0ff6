import type { FastifyInstance } from 'fastify';
import { AppError, type Kernel } from '@kangyun/kernel';
import { sendOutcome } from './outcome.js';
import type { ProviderRegistry } from './registry.js';
import { metadataRoute } from './routes/metadata.js';
import { operationRoutes } from './routes/operation.js';
import { readRoutes } from './routes/read.js';
import { searchRoute } from './routes/search.js';
import { writeRoutes } from './routes/write.js';

export interface FhirPluginOptions {
  kernel: Kernel;
  registry: ProviderRegistry;
}

/**
 * Bodies are JSON resources only: the form parser the rest of the server has for /oauth2/token
 * is dropped here. Parse failures become AppErrors, so that a SyntaxError a provider throws
 * can still be told apart from a client's bad JSON.
 */
function jsonBodies(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/fhir+json', 'application/json', 'application/json+fhir'], { parseAs: 'string' }, (req, body, done) => {
    json(req, body as string, (err, value) => (err ? done(new AppError(400, 'bad_json', 'error.bad_json'), undefined) : done(null, value)));
  });
}

/**
 * Everything under /fhir/R4, encapsulated so that its errors and unknown URLs are answered with
 * OperationOutcome while the rest of the server keeps application/problem+json.
 */
export async function fhirPlugin(app: FastifyInstance, { kernel, registry }: FhirPluginOptions): Promise<void> {
  jsonBodies(app);
  app.setErrorHandler((err, req, reply) => sendOutcome(req, reply, err));
  app.setNotFoundHandler((req, reply) =>
    sendOutcome(req, reply, new AppError(404, 'not_found', 'fhir.no_route', { method: req.method, path: req.url.split('?')[0] })));
  metadataRoute(app, registry);
  readRoutes(app, kernel, registry);
  searchRoute(app, kernel, registry);
  writeRoutes(app, kernel, registry);
  operationRoutes(app, kernel, registry);
}
