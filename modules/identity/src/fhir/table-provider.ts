import type { Resource } from '@medplum/fhirtypes';
import type { CallContext, FhirResourceProvider, FhirSearchParamDef, ScopedClient } from '@kangyun/kernel';
import { orValues, sqlParams, unsupportedModifier, type Bind } from '@kangyun/kernel';

/** How one resource type is read from the identity tables. */
export interface TableMapping<Row> {
  type: FhirResourceProvider['type'];
  permission: string;
  /** without _id, which every mapping supports on idColumn */
  searchParams: FhirSearchParamDef[];
  select: string;
  from: string;
  idColumn: string;
  orderBy: string;
  /**
   * These tables have no row-level security: the condition that keeps the caller inside
   * their region is the mapping's job, and every query includes it.
   */
  scope(ctx: CallContext, bind: Bind): string;
  /** SQL for one occurrence of a declared parameter; repeated parameters are ANDed */
  condition(name: string, modifier: string | null, value: string, bind: Bind, ctx: CallContext): string;
  toResource(row: Row, ctx: CallContext): Resource;
}

const ID_PARAM: FhirSearchParamDef = { name: '_id', type: 'token', documentation: '逻辑 ID，可逗号分隔多个 / logical id(s)' };

/** Our ids are bigints; any other FHIR id simply matches nothing. */
function numericIds(value: string): number[] {
  return orValues(value).filter((v) => /^\d{1,15}$/.test(v)).map(Number);
}

export function tableProvider<Row>(m: TableMapping<Row>): FhirResourceProvider {
  const page = async (db: ScopedClient, where: string[], values: unknown[], count: number, offset: number) => {
    const whereSql = where.map((w) => `(${w})`).join(' AND ');
    const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${m.from} WHERE ${whereSql}`, values);
    const n = values.length;
    const rows = count === 0 ? [] : (await db.query(
      `SELECT ${m.select} FROM ${m.from} WHERE ${whereSql} ORDER BY ${m.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`, [...values, count, offset])).rows as Row[];
    return { rows, total: total.rows[0].n };
  };

  return {
    type: m.type,
    searchParams: [ID_PARAM, ...m.searchParams],
    permissions: { read: m.permission },

    async read(ctx, db, id) {
      const ids = numericIds(id);
      if (ids.length !== 1 || String(ids[0]) !== id) return null;
      const { values, bind } = sqlParams();
      const { rows } = await db.query(`SELECT ${m.select} FROM ${m.from} WHERE (${m.scope(ctx, bind)}) AND ${m.idColumn} = ${bind(ids[0])}`, values);
      return rows[0] ? m.toResource(rows[0] as Row, ctx) : null;
    },

    async search(ctx, db, req) {
      const { values, bind } = sqlParams();
      const where = [m.scope(ctx, bind)];
      for (const [key, value] of req.params) {
        const [name, modifier = null] = key.split(':', 2) as [string, string?];
        if (name === '_id') {
          if (modifier !== null) throw unsupportedModifier(modifier);
          where.push(`${m.idColumn} = ANY(${bind(numericIds(value))}::bigint[])`);
        } else where.push(m.condition(name, modifier, value, bind, ctx));
      }
      const { rows, total } = await page(db, where, values, req.count, req.offset);
      return { resources: rows.map((r) => m.toResource(r, ctx)), total };
    },
  };
}
