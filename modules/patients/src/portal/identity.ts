import type { CryptoProvider, Queryable } from '@kangyun/kernel';
import { documentIndex, phoneIndex } from '../services/encode.js';
import { maskName } from '../names.js';
import type { PortalCredentials } from './credentials.js';

/** The signed-in patient as the portal pages see themselves: masked, never the full document or mobile. */
export interface PortalPatient {
  patientId: number;
  regionalId: string;
  /** 张*三 */
  name: string;
  sex: 'male' | 'female' | 'unknown';
  mobileMasked: string | null;
  idNumberMasked: string;
  /** institutions that keep a record (就诊档案) of the patient */
  institutions: { id: number; name: string }[];
}

/**
 * The active person whose document number, mobile and exact name all match, or null. All three
 * must match one row: the document's keyed hash finds at most one active person (unique index),
 * then the mobile's keyed hash and the name must agree with it.
 */
export async function matchPatient(db: Queryable, crypto: CryptoProvider, c: PortalCredentials): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>({
    name: 'patients.portal.match',
    text: `SELECT id FROM patient WHERE id_type = $1 AND id_number_index = $2 AND status = 'active' AND mobile_index = $3 AND name = $4`,
    values: [c.idType, documentIndex(crypto, c.idType, c.idNumber), phoneIndex(crypto, c.mobile), c.name],
  });
  return rows[0]?.id ?? null;
}

/** the active person holding a document number, whoever they are (for self-registration) */
export async function personByDocument(db: Queryable, crypto: CryptoProvider, idType: string, idNumber: string): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM patient WHERE id_type = $1 AND id_number_index = $2 AND status = 'active'`, [idType, documentIndex(crypto, idType, idNumber)]);
  return rows[0]?.id ?? null;
}

export async function portalPatient(db: Queryable, patientId: number): Promise<PortalPatient | null> {
  const { rows } = await db.query({
    name: 'patients.portal.identity',
    text: `SELECT p.id, p.regional_id, p.name, p.sex, p.mobile_masked, p.id_number_masked,
             COALESCE(json_agg(json_build_object('id', i.id, 'name', i.name) ORDER BY i.id) FILTER (WHERE i.id IS NOT NULL), '[]') AS institutions
           FROM patient p LEFT JOIN patient_record r ON r.patient_id = p.id LEFT JOIN org_unit i ON i.id = r.institution_id
           WHERE p.id = $1 AND p.status = 'active' GROUP BY p.id`,
    values: [patientId],
  });
  const r = rows[0];
  if (!r) return null;
  return {
    patientId: Number(r.id), regionalId: r.regional_id, name: maskName(r.name), sex: r.sex,
    mobileMasked: r.mobile_masked, idNumberMasked: r.id_number_masked, institutions: r.institutions,
  };
}
