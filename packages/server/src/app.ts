import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifySchemaCompiler } from 'fastify';
import AjvCompiler from '@fastify/ajv-compiler';
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
    // coerceTypes applies to querystring, params and headers only; JSON bodies are not coerced (see requestValidators)
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true }, plugins: [] },
    schemaController: { compilersFactory: { buildValidator: requestValidators() } },
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

type BuildValidator = ReturnType<typeof AjvCompiler>;
type PoolOptions = Parameters<BuildValidator>[1];
type RouteSchema = Parameters<FastifySchemaCompiler<unknown>>[0];

/**
 * Request validation with two ajv instances, both made by Fastify's own compiler from the `ajv`
 * options above (so formats, shared schemas, defaults, removeAdditional and allErrors are the same):
 * - querystring, path parameters and headers arrive as text and are coerced ("2" → 2, ?k=a → [a]);
 * - a JSON body already carries its types and is validated as sent. Coercing it turned null in an
 *   [X, null] union into 0 / "" / false in the first branch before the null branch was tried, and
 *   silently accepted "5" where an integer is required (now a 422 naming the field).
 * A body schema declared per content type (`body.content`) is coerced unless that type is JSON; a
 * single body schema is validated without coercion whatever the content type (the only form-encoded
 * endpoint, /oauth2/token, takes strings only).
 */
function requestValidators(): BuildValidator {
  const pool = AjvCompiler();
  const build = (externalSchemas: Parameters<BuildValidator>[0], options: PoolOptions, coerceTypes: 'array' | false) =>
    pool(externalSchemas, { ...options, customOptions: { ...options?.customOptions, coerceTypes } } as PoolOptions) as unknown as FastifySchemaCompiler<unknown>;
  return ((externalSchemas, options) => {
    const coercing = build(externalSchemas, options, 'array');
    const exact = build(externalSchemas, options, false);
    return ((route: RouteSchema) => {
      if (route.httpPart === 'body') return (!route.contentType || /[/+]json\b/i.test(route.contentType) ? exact : coercing)(route);
      if (route.httpPart === 'headers') return coercing({ ...route, schema: lowerCaseHeaders(route.schema) });
      return coercing(route);
    }) as unknown;
  }) as BuildValidator;
}

/**
 * Header names arrive in lower case. Fastify lower-cases a headers schema's property names itself
 * only while it uses its default validator compiler, so do the same here.
 */
function lowerCaseHeaders(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const s = schema as { properties?: Record<string, unknown>; required?: unknown };
  const copy: Record<string | symbol, unknown> = { ...s };
  if (s.properties && typeof s.properties === 'object') {
    copy.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k.toLowerCase(), v]));
  }
  if (Array.isArray(s.required)) copy.required = s.required.map((k) => (typeof k === 'string' ? k.toLowerCase() : k));
  return copy;
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
