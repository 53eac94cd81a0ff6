import type { Coding, Organization } from '@medplum/fhirtypes';
import { referenceIn, tokenIn } from './conditions.js';
import { stringCondition, tokenCodes, unsupportedModifier, type Bind } from '@kangyun/kernel';
import { INSTITUTION_TYPE_NAMES, INSTITUTION_TYPE_SYSTEM, ORG_CODE_SYSTEM, ORG_TYPE_SYSTEM } from './systems.js';
import { tableProvider } from './table-provider.js';

interface OrgRow {
  id: number; kind: 'institution' | 'department'; institution_type: string | null; name: string; code: string;
  active: boolean; parent_id: number; parent_name: string;
}

const KIND_TO_TYPE = { institution: 'prov', department: 'dept' } as const;
const TYPE_DISPLAY = { prov: 'Healthcare Provider', dept: 'Hospital Department' } as const;
const TYPE_TEXT = { prov: '医疗卫生机构', dept: '科室' } as const;

/** `type` is coded in two systems: HL7's organization-type (prov/dept) and our institution types. */
function typeCondition(value: string, bind: Bind): string {
  const hl7 = tokenCodes(value, ORG_TYPE_SYSTEM);
  const ours = tokenCodes(value, INSTITUTION_TYPE_SYSTEM);
  if (hl7 === 'all') return 'true';
  const kinds = Object.entries(KIND_TO_TYPE).filter(([, code]) => hl7.includes(code)).map(([kind]) => kind);
  const byOurs = ours === 'all' ? `o.kind = 'institution'` : `o.institution_type = ANY(${bind(ours)}::text[])`;
  return `o.kind = ANY(${bind(kinds)}::text[]) OR ${byOurs}`;
}

/**
 * Institutions and departments of the caller's region. The region (卫健委) itself is not served:
 * it administers, it does not provide care.
 */
export const organizationProvider = tableProvider<OrgRow>({
  type: 'Organization',
  permission: 'org.read',
  searchParams: [
    { name: 'identifier', type: 'token', documentation: `机构/科室代码 / organisation code: ${ORG_CODE_SYSTEM}|H001` },
    { name: 'name', type: 'string', documentation: '名称的任意部分；:exact 为全称 / any part of the name; :exact for the full name' },
    { name: 'type', type: 'token', documentation: `prov（机构）或 dept（科室）, ${ORG_TYPE_SYSTEM}；或 ${INSTITUTION_TYPE_SYSTEM}|hospital | community_health_centre | station` },
    { name: 'partof', type: 'reference', documentation: '上级机构，查某机构的科室 / the parent: Organization/{id} lists its departments' },
  ],
  select: 'o.id, o.kind, o.institution_type, o.name, o.code, o.active, o.parent_id, p.name AS parent_name',
  from: 'org_unit o JOIN org_unit p ON p.id = o.parent_id',
  idColumn: 'o.id',
  orderBy: 'o.id',
  scope: (ctx, bind) => `o.kind IN ('institution', 'department') AND o.region_id = ${bind(ctx.actor.regionId)}`,
  condition(name, modifier, value, bind) {
    if (name === 'name') return stringCondition(['o.name'], value, modifier, bind, 'contains');
    if (name === 'partof' && (modifier === null || modifier === 'Organization')) {
      return `o.kind = 'department' AND ${referenceIn('o.parent_id', value, 'Organization', bind)}`;
    }
    if (modifier !== null) throw unsupportedModifier(modifier);
    if (name === 'identifier') return tokenIn('o.code', value, ORG_CODE_SYSTEM, bind);
    return typeCondition(value, bind);
  },
  toResource(r): Organization {
    const type = KIND_TO_TYPE[r.kind];
    const coding: Coding[] = [{ system: ORG_TYPE_SYSTEM, code: type, display: TYPE_DISPLAY[type] }];
    if (r.institution_type) coding.push({ system: INSTITUTION_TYPE_SYSTEM, code: r.institution_type, display: INSTITUTION_TYPE_NAMES[r.institution_type] ?? r.institution_type });
    return {
      resourceType: 'Organization',
      id: String(r.id),
      identifier: [{ system: ORG_CODE_SYSTEM, value: r.code }],
      active: r.active,
      type: [{ coding, text: r.institution_type ? INSTITUTION_TYPE_NAMES[r.institution_type] ?? TYPE_TEXT[type] : TYPE_TEXT[type] }],
      name: r.name,
      // a department is part of its parent: the institution, or the department it sits under
      ...(r.kind === 'department' ? { partOf: { reference: `Organization/${r.parent_id}`, display: r.parent_name } } : {}),
    };
  },
});
