import type { Queryable } from '../db/pool.js';
import type { PasswordPolicy } from './password-policy.js';

export async function loadSecurityPolicy(db: Queryable): Promise<PasswordPolicy & { auditRetentionDays: number }> {
  const { rows } = await db.query(
    `SELECT password_min_length AS "passwordMinLength", password_min_classes AS "passwordMinClasses",
            password_history AS "passwordHistory", password_max_age_days AS "passwordMaxAgeDays",
            lockout_threshold AS "lockoutThreshold", lockout_minutes AS "lockoutMinutes",
            idle_timeout_minutes AS "idleTimeoutMinutes", session_max_hours AS "sessionMaxHours",
            audit_retention_days AS "auditRetentionDays"
     FROM security_policy WHERE id = 1`,
  );
  return rows[0];
}
