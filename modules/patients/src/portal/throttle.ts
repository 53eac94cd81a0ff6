import type { Queryable } from '@kangyun/kernel';

/** failures per document number (per address) within the window before tries are refused */
export const DOCUMENT_FAILURE_LIMIT = 5;
/** an address may fail more often: families and hospital Wi-Fi share addresses */
export const ADDRESS_FAILURE_LIMIT = 30;
export const FAILURE_WINDOW_MINUTES = 15;

export interface ThrottleState {
  blocked: boolean;
  /** seconds until the oldest counted failure leaves the window */
  retryAfterSeconds: number;
}

export const documentSubject = (idType: string, documentIndex: string) => `doc:${idType}:${documentIndex}`;
export const addressSubject = (ip: string) => `ip:${ip}`;

/**
 * Serialises attempts on one document number (transaction-scoped advisory lock), so concurrent
 * guesses cannot all slip under the limit, and says whether tries are refused right now.
 */
export async function checkThrottle(db: Queryable, document: string, address: string): Promise<ThrottleState> {
  await db.query('SELECT pg_advisory_xact_lock(7412, hashtext($1))', [document]);
  const { rows } = await db.query<{ subject: string; n: number; oldest: Date | null }>(
    `SELECT subject, count(*)::int AS n, min(at) AS oldest FROM portal_signin_failure
     WHERE subject = ANY($1::text[]) AND at > now() - make_interval(mins => $2) GROUP BY subject`,
    [[document, address], FAILURE_WINDOW_MINUTES]);
  const over = rows.filter((r) => r.n >= (r.subject === document ? DOCUMENT_FAILURE_LIMIT : ADDRESS_FAILURE_LIMIT));
  if (!over.length) return { blocked: false, retryAfterSeconds: 0 };
  const oldest = Math.min(...over.map((r) => r.oldest!.getTime()));
  return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((oldest + FAILURE_WINDOW_MINUTES * 60_000 - Date.now()) / 1000)) };
}

/** counts a failure against the document number and the address; old rows go on the way */
export async function recordFailure(db: Queryable, document: string, address: string): Promise<void> {
  await db.query('INSERT INTO portal_signin_failure (subject) VALUES ($1), ($2)', [document, address]);
  await db.query(`DELETE FROM portal_signin_failure WHERE at < now() - interval '1 day'`);
}

/**
 * A new person put into the index from the phone counts against the address like a failure does,
 * so one address cannot fill the index with invented people (each needs only a valid check digit).
 */
export async function countRegistration(db: Queryable, address: string): Promise<void> {
  await db.query('INSERT INTO portal_signin_failure (subject) VALUES ($1)', [address]);
}

/** a successful sign-in starts the document's count afresh (the address keeps its count) */
export async function clearFailures(db: Queryable, document: string): Promise<void> {
  await db.query('DELETE FROM portal_signin_failure WHERE subject = $1', [document]);
}
