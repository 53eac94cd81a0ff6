import { createHash } from 'node:crypto';

/**
 * A named (prepared) statement per shape of a query built from optional filters: there are few
 * shapes, and planning these joins under row-level security costs more than running them. The
 * name comes from the text, so one name never stands for two texts on a connection.
 */
export function preparedByShape(prefix: string, text: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
  return { name: `${prefix}.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, values };
}
