import type { ContactPoint, Practitioner } from '@medplum/fhirtypes';
import { tokenIn } from './conditions.js';
import { humanName } from './names.js';
import { stringCondition, unsupportedModifier } from '@kangyun/kernel';
import { GENDER_SYSTEM, USERNAME_SYSTEM } from './systems.js';
import { tableProvider } from './table-provider.js';

interface AccountRow {
  id: number; username: string; display_name: string; gender: 'male' | 'female' | 'unknown' | null;
  title: string | null; mobile: string | null; status: string; updated_at: Date;
}

/** Staff accounts that hold a post in an institution of the caller's region. */
export const practitionerProvider = tableProvider<AccountRow>({
  type: 'Practitioner',
  permission: 'staff.read',
  searchParams: [
    { name: 'identifier', type: 'token', documentation: `用户名 / username: ${USERNAME_SYSTEM}|dr.wang` },
    { name: 'name', type: 'string', documentation: '姓名或用户名的任意部分（如“王”）；:exact 为全名 / any part of the name or username; :exact for the full name' },
    { name: 'gender', type: 'token', documentation: 'male | female | unknown' },
  ],
  select: 'a.id, a.username, a.display_name, a.gender, a.title, a.mobile, a.status, a.updated_at',
  from: 'account a',
  idColumn: 'a.id',
  orderBy: 'a.id',
  scope: (ctx, bind) => `EXISTS (SELECT 1 FROM assignment x WHERE x.account_id = a.id AND x.institution_id = ANY(${bind(ctx.actor.regionInstitutions)}::bigint[]))`,
  condition(name, modifier, value, bind) {
    if (name === 'name') return stringCondition(['a.display_name', 'a.username'], value, modifier, bind, 'contains');
    if (modifier !== null) throw unsupportedModifier(modifier);
    if (name === 'identifier') return tokenIn('a.username', value, USERNAME_SYSTEM, bind);
    return tokenIn('a.gender', value, GENDER_SYSTEM, bind);
  },
  toResource(r, ctx): Practitioner {
    // the directory shows who someone is; reaching them privately is for staff administrators
    const telecom: ContactPoint[] | undefined = r.mobile && ctx.actor.permissions.has('staff.manage')
      ? [{ system: 'phone', value: r.mobile, use: 'mobile' }] : undefined;
    return {
      resourceType: 'Practitioner',
      id: String(r.id),
      meta: { lastUpdated: r.updated_at.toISOString() },
      identifier: [{ system: USERNAME_SYSTEM, value: r.username }],
      active: r.status === 'active',
      name: [humanName(r.display_name)],
      ...(telecom ? { telecom } : {}),
      ...(r.gender ? { gender: r.gender } : {}),
      ...(r.title ? { qualification: [{ code: { text: r.title } }] } : {}),
    };
  },
});
