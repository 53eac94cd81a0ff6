import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

/** GET /healthz: 200 when the database answers within a second, 503 otherwise. */
export function registerHealth(app: FastifyInstance, pool: pg.Pool): void {
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    const started = Date.now();
    try {
      await Promise.race([
        pool.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 1000).unref()),
      ]);
      return { status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } };
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', database: { status: 'down', error: (err as Error).message } });
    }
  });
}
