import { referenceIds, tokenCodes, type Bind } from '@kangyun/kernel';

/** `= ANY` over the codes of a token in one code system; `system|` alone matches every row. */
export function tokenIn(column: string, value: string, system: string, bind: Bind): string {
  const codes = tokenCodes(value, system);
  return codes === 'all' ? 'true' : `${column} = ANY(${bind(codes)}::text[])`;
}

/** `= ANY` over the referenced ids; references to other types or non-numeric ids match nothing. */
export function referenceIn(column: string, value: string, type: string, bind: Bind): string {
  const ids = referenceIds(value, type).filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  return `${column} = ANY(${bind(ids)}::bigint[])`;
}
