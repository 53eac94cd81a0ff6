import { AppError, type Actor, type FhirSearchParamDef } from '@kangyun/kernel';
import { cond } from '../query/conditions.js';
import { parseTimeRange } from '../query/time.js';
import { SqlWhere } from '../query/where.js';
import { ACTION_SYSTEM } from './codes.js';

export const AUDIT_EVENT_SEARCH_PARAMS: FhirSearchParamDef[] = [
  { name: '_id', type: 'token', documentation: '审计记录 ID（可逗号分隔多个）/ entry id(s)' },
  { name: 'date', type: 'date', documentation: '记录时间，支持 eq/ge/gt/le/lt/sa/eb 前缀，可重复 / recorded time; prefixes allowed, repeatable' },
  { name: 'entity', type: 'reference', documentation: '被操作对象，如 Patient/123、Account/5 / the entity acted on' },
  { name: 'patient', type: 'reference', documentation: '涉及的患者，ID 或 Patient/ID / the patient concerned' },
  { name: 'agent', type: 'reference', documentation: '操作人账号 ID、Practitioner/ID，或用户名/客户端 ID / who acted' },
  { name: 'action', type: 'token', documentation: "康云操作代码（urn:kangyun:audit-action），以 '.' 结尾为前缀 / our action code" },
  { name: 'subtype', type: 'token', documentation: '同 action / same as action' },
  { name: 'outcome', type: 'token', documentation: '0 成功，4/8/12 失败（亦可 success/failure）/ 0 success, 4/8/12 failure' },
  { name: 'site', type: 'token', documentation: '机构 ID / institution id' },
];

const bad = (name: string, value: string) => new AppError(400, 'invalid_search_param', 'audit.fhir_param_invalid', { name, value });

/** `Type/id`, an absolute URL ending in it, or a bare id */
function splitReference(value: string): { type: string | null; id: string } {
  const parts = value.split('/').filter(Boolean);
  if (parts.length >= 2) return { type: parts[parts.length - 2], id: parts[parts.length - 1] };
  return { type: null, id: value };
}

/** the code of a token `[system|]code`, or null when it names another code system */
function token(value: string, system: string): string | null {
  const bar = value.indexOf('|');
  if (bar < 0) return value;
  const sys = value.slice(0, bar);
  return sys && sys !== system ? null : value.slice(bar + 1);
}

function date(w: SqlWhere, value: string) {
  const m = /^(eq|ne|gt|ge|lt|le|sa|eb|ap)?(.+)$/.exec(value)!;
  const prefix = m[1] ?? 'eq';
  const range = parseTimeRange(m[2]);
  if (!range || prefix === 'ne' || prefix === 'ap') throw bad('date', value);
  if (prefix === 'eq') {
    cond.atOrAfter(w, range.start);
    cond.before(w, range.end);
  } else if (prefix === 'ge') cond.atOrAfter(w, range.start);
  else if (prefix === 'gt' || prefix === 'sa') cond.atOrAfter(w, range.end);
  else if (prefix === 'lt' || prefix === 'eb') cond.before(w, range.start);
  else cond.before(w, range.end); // le
}

function entity(w: SqlWhere, value: string) {
  const { type, id } = splitReference(value);
  if (type === 'Patient' && /^\d+$/.test(id)) {
    // the patient an entry concerns is also one of its entities (see map.ts)
    w.add((p) => `(a.entity_type = 'Patient' AND a.entity_id = ${p(id)}) OR a.patient_id = ${p(Number(id))}`);
    return;
  }
  if (type) cond.entityType(w, type);
  cond.entityId(w, id);
}

function integer(name: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw bad(name, value);
  return Number(value);
}

function outcome(w: SqlWhere, value: string) {
  const wanted = new Set<string>();
  for (const v of value.split(',')) {
    if (v === '0' || v === 'success') wanted.add('success');
    else if (['4', '8', '12', 'failure'].includes(v)) wanted.add('failure');
    else throw bad('outcome', value);
  }
  if (wanted.size === 1) cond.outcome(w, [...wanted][0] as 'success' | 'failure');
}

/**
 * FHIR search parameters of AuditEvent into SQL conditions. Repeated parameters are AND-ed;
 * comma lists (where allowed) are OR-ed; unknown parameters are ignored (FHIR lenient handling).
 */
export function fhirWhere(params: [string, string][], actor: Actor): SqlWhere {
  const w = new SqlWhere();
  cond.scopeHint(w, actor);
  for (const [rawName, value] of params) {
    const name = rawName.split(':')[0];
    if (value === '') continue;
    switch (name) {
      case '_id': {
        const ids = value.split(',').filter((v) => /^\d{1,15}$/.test(v)).map(Number);
        cond.ids(w, ids);
        break;
      }
      case 'date': date(w, value); break;
      case 'entity': entity(w, value); break;
      case 'patient': cond.patient(w, integer('patient', splitReference(value).id)); break;
      case 'agent': {
        const { type, id } = splitReference(value);
        if ((type === null || type === 'Practitioner') && /^\d{1,15}$/.test(id)) cond.actorId(w, Number(id));
        else if (type === null) cond.actorName(w, id);
        else throw bad('agent', value);
        break;
      }
      case 'action':
      case 'subtype': {
        const code = token(value, ACTION_SYSTEM);
        if (code === null) w.add(() => 'false');
        else if (/^[A-Za-z0-9_.*-]+$/.test(code)) cond.action(w, code);
        else throw bad(name, value);
        break;
      }
      case 'outcome': outcome(w, value); break;
      case 'site': cond.institution(w, integer('site', value)); break;
      default: break;
    }
  }
  return w;
}
