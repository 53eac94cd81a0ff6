import type pg from 'pg';
import type { Actor, CallContext, RequestInfo } from '../context.js';
import type { CryptoProvider } from '../crypto/types.js';

export const PORTAL_COOKIE = 'kangyun_portal';
/** a patient's phone session lasts a week of use; idle for a day it ends */
export const PORTAL_SESSION_DAYS = 7;
const PORTAL_IDLE_HOURS = 24;

export interface PortalIdentity {
  patientId: number;
  tokenHash: string;
}

export async function createPortalSession(pool: pg.Pool, crypto: CryptoProvider, patientId: number, ip: string, userAgent: string | null): Promise<string> {
  const token = crypto.randomToken(32);
  await pool.query(
    `INSERT INTO portal_session (token_hash, patient_id, expires_at, ip, user_agent) VALUES ($1, $2, now() + make_interval(days => $3), $4, $5)`,
    [crypto.hash(token), patientId, PORTAL_SESSION_DAYS, ip, userAgent]);
  return token;
}

export async function lookupPortalSession(pool: pg.Pool, crypto: CryptoProvider, token: string): Promise<PortalIdentity | null> {
  const tokenHash = crypto.hash(token);
  const { rows } = await pool.query({
    name: 'kernel.portal.lookup',
    text: `SELECT patient_id, (expires_at < now() OR last_seen_at < now() - make_interval(hours => $2)) AS expired,
             (last_seen_at < now() - interval '60 seconds') AS stale
           FROM portal_session WHERE token_hash = $1 AND revoked_at IS NULL`,
    values: [tokenHash, PORTAL_IDLE_HOURS],
  });
  const row = rows[0];
  if (!row || row.expired) return null;
  if (row.stale) pool.query('UPDATE portal_session SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]).catch(() => {});
  return { patientId: Number(row.patient_id), tokenHash };
}

export async function revokePortalSession(pool: pg.Pool, tokenHash: string): Promise<void> {
  await pool.query('UPDATE portal_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}

/**
 * The actor a patient acts as when a module serves them through the portal: no staff account,
 * institution scope of the institution they are dealing with (so row-level security confines
 * writes there), no permissions. Modules must still filter to the patient's own rows.
 */
export function portalActor(patientId: number, institutionId: number, regionId = 0): Actor {
  return {
    kind: 'patient',
    accountId: null,
    name: `patient:${patientId}`,
    displayName: '患者本人',
    clientId: null,
    assignmentId: null,
    institutionId,
    departmentId: null,
    regionId,
    roleCode: 'patient',
    adminKind: null,
    permissions: new Set(),
    scope: 'institution',
    regionInstitutions: [institutionId],
    mustChangePassword: false,
    patientId,
  };
}

export function portalContext(patientId: number, institutionId: number, request: RequestInfo): CallContext {
  return { actor: portalActor(patientId, institutionId), request };
}
