import { AppError, withTransaction, writeAudit, type Kernel, type Queryable, type RequestInfo } from '@kangyun/kernel';
import { maskDocument } from '../masking.js';
import { maskName } from '../names.js';
import { documentIndex } from '../services/encode.js';
import type { PortalCredentials } from './credentials.js';
import { matchPatient } from './identity.js';
import { addressSubject, checkThrottle, clearFailures, documentSubject, recordFailure } from './throttle.js';

export const signinFailed = () => new AppError(401, 'portal_signin_failed', 'patients.portal.signin_failed');

export function throttled(retryAfterSeconds: number) {
  return new AppError(429, 'portal_signin_throttled', 'patients.portal.throttled',
    { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }, [], { retryAfterSeconds });
}

export interface AttemptSubjects {
  document: string;
  address: string;
}

export function subjectsOf(kernel: Kernel, c: PortalCredentials, info: RequestInfo): AttemptSubjects {
  return { document: documentSubject(c.idType, documentIndex(kernel.crypto, c.idType, c.idNumber)), address: addressSubject(info.ip) };
}

/** what a failed attempt leaves in the audit log: who it claimed to be, masked */
export function auditFailure(db: Queryable, info: RequestInfo, c: PortalCredentials, action: string, reason: string) {
  return writeAudit(db, { actorName: `portal:${maskName(c.name)}`, request: info }, {
    action, entityType: 'Patient', outcome: 'failure', detail: { reason, idType: c.idType, document: maskDocument(c.idNumber) },
  });
}

/**
 * Runs an attempt under the document's throttle: refused outright while the document (or the
 * address) has too many recent failures; otherwise `verify` decides (null = no match) on the same
 * transaction, which holds the document's lock, so concurrent guesses are counted one after
 * another. Counting and auditing commit even though the caller then gets an error.
 */
export async function throttledAttempt<T>(kernel: Kernel, info: RequestInfo, c: PortalCredentials, action: string,
  verify: (db: Queryable) => Promise<T | null>): Promise<T> {
  const subjects = subjectsOf(kernel, c, info);
  type Outcome = { kind: 'blocked'; retryAfterSeconds: number } | { kind: 'failed' } | { kind: 'ok'; result: T };
  const outcome = await withTransaction(kernel.pool, async (db): Promise<Outcome> => {
    const state = await checkThrottle(db, subjects.document, subjects.address);
    if (state.blocked) {
      await auditFailure(db, info, c, action, 'throttled');
      return { kind: 'blocked', retryAfterSeconds: state.retryAfterSeconds };
    }
    const result = await verify(db);
    if (result === null) {
      await recordFailure(db, subjects.document, subjects.address);
      await auditFailure(db, info, c, action, 'mismatch');
      return { kind: 'failed' };
    }
    await clearFailures(db, subjects.document);
    return { kind: 'ok', result };
  });
  if (outcome.kind === 'blocked') throw throttled(outcome.retryAfterSeconds);
  if (outcome.kind === 'failed') throw signinFailed();
  return outcome.result;
}

/** name + document number + mobile → the patient's id, or a generic 401 (429 when throttled) */
export function signIn(kernel: Kernel, info: RequestInfo, c: PortalCredentials): Promise<number> {
  return throttledAttempt(kernel, info, c, 'portal.signin', (db) => matchPatient(db, kernel.crypto, c));
}
