import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { loadSecurityPolicy, withTransaction, writeAudit, type Kernel } from '@kangyun/kernel';

const tags = ['安全策略 Security'];

export function securityRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/security/policy', { config: { permission: 'security.policy' }, schema: { tags, summary: '读取安全策略' } }, async () => loadSecurityPolicy(kernel.pool));

  app.put('/api/security/policy', {
    config: { permission: 'security.policy' },
    schema: {
      tags, summary: '修改安全策略（等保三级基线为下限）',
      body: Type.Object({
        // lower bounds follow 等保 2.0 level-3 assessor practice: at least 8 characters and 3 classes, lockout at ≤ 10 failures
        passwordMinLength: Type.Integer({ minimum: 8, maximum: 64 }),
        passwordMinClasses: Type.Integer({ minimum: 3, maximum: 4 }),
        passwordHistory: Type.Integer({ minimum: 0, maximum: 24 }),
        passwordMaxAgeDays: Type.Integer({ minimum: 1, maximum: 365 }),
        lockoutThreshold: Type.Integer({ minimum: 3, maximum: 10 }),
        lockoutMinutes: Type.Integer({ minimum: 10, maximum: 1440 }),
        idleTimeoutMinutes: Type.Integer({ minimum: 5, maximum: 30 }),
      }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const b = req.body as Record<string, number>;
    return withTransaction(kernel.pool, async (db) => {
      await db.query(
        `UPDATE security_policy SET password_min_length = $1, password_min_classes = $2, password_history = $3, password_max_age_days = $4,
           lockout_threshold = $5, lockout_minutes = $6, idle_timeout_minutes = $7, updated_at = now() WHERE id = 1`,
        [b.passwordMinLength, b.passwordMinClasses, b.passwordHistory, b.passwordMaxAgeDays, b.lockoutThreshold, b.lockoutMinutes, b.idleTimeoutMinutes],
      );
      await writeAudit(db, ctx, { action: 'security.policy_update', entityType: 'SecurityPolicy', entityId: 1, detail: b });
      return loadSecurityPolicy(db);
    });
  });
}
