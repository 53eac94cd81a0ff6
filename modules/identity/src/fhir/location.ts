import type { Location } from '@medplum/fhirtypes';
import { referenceIn } from './conditions.js';
import { stringCondition, unsupportedModifier } from '@kangyun/kernel';
import { ORG_CODE_SYSTEM } from './systems.js';
import { tableProvider } from './table-provider.js';

interface DepartmentRow { id: number; name: string; code: string; active: boolean; institution_id: number; institution_name: string }

/** Each department of the caller's region as the place where its care happens, managed by its institution. */
export const locationProvider = tableProvider<DepartmentRow>({
  type: 'Location',
  permission: 'org.read',
  searchParams: [
    { name: 'name', type: 'string', documentation: '科室名称的任意部分；:exact 为全称 / any part of the department name; :exact for the full name' },
    { name: 'organization', type: 'reference', documentation: '所属机构 / the managing institution, Organization/{id}' },
  ],
  select: 'd.id, d.name, d.code, d.active, d.institution_id, i.name AS institution_name',
  from: 'org_unit d JOIN org_unit i ON i.id = d.institution_id',
  idColumn: 'd.id',
  orderBy: 'd.id',
  scope: (ctx, bind) => `d.kind = 'department' AND d.region_id = ${bind(ctx.actor.regionId)}`,
  condition(name, modifier, value, bind) {
    if (name === 'name') return stringCondition(['d.name'], value, modifier, bind, 'contains');
    if (modifier !== null && modifier !== 'Organization') throw unsupportedModifier(modifier);
    return referenceIn('d.institution_id', value, 'Organization', bind);
  },
  toResource(r): Location {
    return {
      resourceType: 'Location',
      id: String(r.id),
      identifier: [{ system: ORG_CODE_SYSTEM, value: r.code }],
      status: r.active ? 'active' : 'inactive',
      name: r.name,
      mode: 'instance',
      managingOrganization: { reference: `Organization/${r.institution_id}`, display: r.institution_name },
    };
  },
});
