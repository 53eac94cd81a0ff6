import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  registerAuthHook, registerHealth, registerMetrics, sendProblem, registerPermissions, registerClientScopes, registerMessages,
  type Kernel, type KangyunModule,
} from '@kangyun/kernel';

/** Builds the HTTP server: kernel plumbing first, then every module's routes. */
export async function buildApp(kernel: Kernel, modules: readonly KangyunModule[]): Promise<FastifyInstance> {
  for (const m of modules) {
    if (m.permissions) registerPermissions(m.permissions);
    if (m.clientScopes) registerClientScopes(m.clientScopes);
    if (m.messages) registerMessages(m.messages);
  }
  const app = Fastify({
    loggerInstance: kernel.log,
    // per-request log lines would dominate the hot path; errors and slow requests are still logged
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true }, plugins: [] },
  }) as unknown as FastifyInstance;

  await app.register(cookie);
  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '康云 Kangyun API', version: '0.1.0', description: 'Kangyun platform REST API. Errors are application/problem+json (RFC 9457).' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kangyun_sid' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  // the API documentation is public: it describes the interface, not data
  await app.register(async (scope) => {
    markPublic(scope);
    await scope.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  });

  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err));
  registerAuthHook(app, kernel);
  registerHealth(app, kernel.pool);
  registerMetrics(app, kernel.pool);
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
    return payload;
  });

  for (const m of modules) await m.routes?.(app, kernel, modules);

  registerWeb(app, kernel);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/fhir/')) {
      return reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    }
    return serveIndex(reply);
  });
  return app;
}

let indexHtml: string | null = null;

function webDist(kernel: Kernel): string {
  return kernel.config.webDist ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'web', 'dist');
}

/** The single-page web app: static assets with long caching, index.html for every client-side route. */
function registerWeb(app: FastifyInstance, kernel: Kernel): void {
  const dist = webDist(kernel);
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    kernel.log.warn({ dist }, 'web app not built; run `npm run build`');
    return;
  }
  indexHtml = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  // assets are public: the login page must load before anyone is signed in
  app.register(async (scope) => {
    markPublic(scope);
    await scope.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) (res as unknown as { header(n: string, v: string): void }).header('cache-control', 'public, max-age=31536000, immutable');
    },
    });
  });
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => serveIndex(reply));
}

function serveIndex(reply: import('fastify').FastifyReply) {
  if (!indexHtml) return reply.code(404).type('text/plain').send('web app not built: run `npm run build`');
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
}

/** every route registered in this scope is reachable without signing in */
function markPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}
