import { AppError, type ScopedClient } from '@kangyun/kernel';

export const SEARCH_TIMEOUT_MS = 30_000;

/**
 * Runs the reads of a search under a statement timeout, so one over-broad free-text search cannot
 * keep the database busy for minutes; a timeout becomes a 422 asking the caller to narrow it.
 */
export async function boundedSearch<T>(db: ScopedClient, fn: () => Promise<T>): Promise<T> {
  await db.query(`SET LOCAL statement_timeout = ${SEARCH_TIMEOUT_MS}`);
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    if ((err as { code?: string }).code === '57014') throw new AppError(422, 'search_too_broad', 'audit.search_too_broad');
    throw err;
  }
  await db.query('SET LOCAL statement_timeout TO DEFAULT');
  return result;
}
