import type { CryptoProvider } from '@kangyun/kernel';
import { maskName } from '../names.js';
import type { Contact, PatientDetail, PatientSummary } from './types.js';

/**
 * Columns read for a patient, with the caller's own record number and whether access is through a grant.
 * CASE rather than COALESCE: below row-level security PostgreSQL only uses conditions it knows
 * cannot leak (COALESCE is not on that list), and without the index every read scans all records.
 */
export const PATIENT_COLUMNS = `p.id, p.regional_id, p.name, p.name_initials, p.sex, p.birth_date, p.id_type, p.id_number_enc,
  p.id_number_masked, p.mobile_enc, p.mobile_masked, p.address_enc, p.address_masked, p.contacts_enc, p.status, p.merged_into,
  p.version, p.created_at, p.updated_at,
  (SELECT r.mrn FROM patient_record r WHERE r.patient_id = CASE WHEN p.merged_into IS NULL THEN p.id ELSE p.merged_into END AND r.institution_id = kangyun_ctx_bigint('kangyun.institution')) AS mrn,
  NOT EXISTS (SELECT 1 FROM patient_record r WHERE r.patient_id = CASE WHEN p.merged_into IS NULL THEN p.id ELSE p.merged_into END
              AND kangyun_in_scope(r.institution_id, r.department_id, r.created_by)) AS via_grant`;

export interface PatientRow {
  id: number; regional_id: string; name: string; name_initials: string; sex: PatientSummary['sex']; birth_date: string;
  id_type: PatientDetail['idType']; id_number_enc: string; id_number_masked: string; mobile_enc: string | null; mobile_masked: string | null;
  address_enc: string | null; address_masked: string | null; contacts_enc: string | null; status: 'active' | 'merged'; merged_into: number | null;
  version: number; created_at: Date; updated_at: Date; mrn: string | null; via_grant: boolean;
}

export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return Math.max(age, 0);
}

export function toSummary(r: PatientRow): PatientSummary {
  return {
    id: r.id, regionalId: r.regional_id, mrn: r.mrn, name: maskName(r.name), sex: r.sex, birthDate: r.birth_date,
    age: ageOn(r.birth_date), idNumberMasked: r.id_number_masked, mobileMasked: r.mobile_masked, status: r.status,
  };
}

/** Masked by default; `reveal` decrypts the sensitive columns (the caller audits that). */
export function toDetail(r: PatientRow, crypto: CryptoProvider, reveal: boolean): PatientDetail {
  const contacts: Contact[] = r.contacts_enc ? JSON.parse(crypto.decryptField(r.contacts_enc)) : [];
  const detail: PatientDetail = {
    ...toSummary(r),
    nameInitials: r.name_initials,
    idType: r.id_type,
    addressMasked: r.address_masked,
    contacts: reveal ? contacts : contacts.map((c) => ({ ...c, name: maskName(c.name), phone: c.phone.length >= 7 ? `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}` : '****' })),
    mergedInto: r.merged_into,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    viaGrant: r.via_grant,
  };
  if (reveal) {
    detail.name = r.name;
    detail.idNumber = crypto.decryptField(r.id_number_enc);
    detail.mobile = r.mobile_enc ? crypto.decryptField(r.mobile_enc) : null;
    detail.address = r.address_enc ? crypto.decryptField(r.address_enc) : null;
  }
  return detail;
}
