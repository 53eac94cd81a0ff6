import type { PractitionerRole } from '@medplum/fhirtypes';
import { referenceIn, tokenIn } from './conditions.js';
import { unsupportedModifier } from '@kangyun/kernel';
import { ROLE_SYSTEM } from './systems.js';
import { tableProvider } from './table-provider.js';

interface AssignmentRow {
  id: number; account_id: number; display_name: string; account_status: string;
  institution_id: number; institution_name: string; department_name: string | null;
  role_code: string; role_name: string;
}

/** One per post (assignment) held in an institution of the caller's region. */
export const practitionerRoleProvider = tableProvider<AssignmentRow>({
  type: 'PractitionerRole',
  permission: 'staff.read',
  searchParams: [
    { name: 'practitioner', type: 'reference', documentation: '人员 / Practitioner/{id}' },
    { name: 'organization', type: 'reference', documentation: '机构 / the institution, Organization/{id}' },
    { name: 'role', type: 'token', documentation: `角色代码 / role code: ${ROLE_SYSTEM}|doctor` },
  ],
  select: `x.id, x.account_id, a.display_name, a.status AS account_status, x.institution_id, i.name AS institution_name,
           d.name AS department_name, r.code AS role_code, r.name_zh AS role_name`,
  from: `assignment x JOIN account a ON a.id = x.account_id JOIN org_unit i ON i.id = x.institution_id
         LEFT JOIN org_unit d ON d.id = x.department_id JOIN role r ON r.id = x.role_id`,
  idColumn: 'x.id',
  orderBy: 'x.id',
  scope: (ctx, bind) => `x.institution_id = ANY(${bind(ctx.actor.regionInstitutions)}::bigint[])`,
  condition(name, modifier, value, bind) {
    if (name === 'practitioner' && (modifier === null || modifier === 'Practitioner')) return referenceIn('x.account_id', value, 'Practitioner', bind);
    if (name === 'organization' && (modifier === null || modifier === 'Organization')) return referenceIn('x.institution_id', value, 'Organization', bind);
    if (name === 'role' && modifier === null) return tokenIn('r.code', value, ROLE_SYSTEM, bind);
    throw unsupportedModifier(modifier ?? '');
  },
  toResource(r): PractitionerRole {
    return {
      resourceType: 'PractitionerRole',
      id: String(r.id),
      active: r.account_status === 'active',
      practitioner: { reference: `Practitioner/${r.account_id}`, display: r.display_name },
      organization: { reference: `Organization/${r.institution_id}`, display: r.institution_name },
      code: [{ coding: [{ system: ROLE_SYSTEM, code: r.role_code, display: r.role_name }], text: r.role_name }],
      // the department is kept as text: a post names its department, it is not a coded specialty
      ...(r.department_name ? { specialty: [{ text: r.department_name }] } : {}),
    };
  },
});
