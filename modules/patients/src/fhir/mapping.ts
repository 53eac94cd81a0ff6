import type { Patient } from '@medplum/fhirtypes';
import type { PatientDetail, PatientInput } from '../services/types.js';

/** 居民身份证 identifier type; the OID is the one WS 364 / WS/T 500 documents use for resident ID numbers. */
export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';
export const PASSPORT_SYSTEM = 'urn:kangyun:passport';
export const OTHER_DOCUMENT_SYSTEM = 'urn:kangyun:document';
export const REGIONAL_ID_SYSTEM = 'urn:kangyun:regional-patient-id';
export const MRN_SYSTEM = 'urn:kangyun:mrn';

const DOC_SYSTEM: Record<PatientDetail['idType'], string> = { resident_id: RESIDENT_ID_SYSTEM, passport: PASSPORT_SYSTEM, other: OTHER_DOCUMENT_SYSTEM };

/** Chinese names: family name is the first character (two for common compound surnames). */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '夏侯', '轩辕', '令狐', '宇文', '司徒', '端木']);
export function splitChineseName(name: string): { family: string; given: string } {
  const chars = [...name];
  const k = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return { family: chars.slice(0, k).join(''), given: chars.slice(k).join('') };
}

export function toFhirPatient(p: PatientDetail, revealed: boolean): Patient {
  const identifier: NonNullable<Patient['identifier']> = [
    { use: 'official', system: DOC_SYSTEM[p.idType], value: revealed && p.idNumber ? p.idNumber : p.idNumberMasked },
    { use: 'usual', system: REGIONAL_ID_SYSTEM, value: p.regionalId },
  ];
  if (p.mrn) identifier.push({ use: 'secondary', system: MRN_SYSTEM, value: p.mrn, type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] } });
  const { family, given } = splitChineseName(p.name);
  const resource: Patient = {
    resourceType: 'Patient',
    id: String(p.id),
    meta: { versionId: String(p.version), lastUpdated: p.updatedAt },
    identifier,
    active: p.status === 'active',
    name: [{ use: 'official', text: p.name, family, given: given ? [given] : undefined }],
    gender: p.sex,
    birthDate: p.birthDate,
  };
  const phone = revealed ? p.mobile : p.mobileMasked;
  if (phone) resource.telecom = [{ system: 'phone', use: 'mobile', value: phone }];
  const address = revealed ? p.address : p.addressMasked;
  if (address) resource.address = [{ text: address }];
  if (p.contacts.length) {
    resource.contact = p.contacts.map((c) => ({
      relationship: [{ text: c.relationship }],
      name: { text: c.name },
      telecom: [{ system: 'phone', value: c.phone }],
    }));
  }
  if (p.mergedInto) resource.link = [{ other: { reference: `Patient/${p.mergedInto}` }, type: 'replaced-by' }];
  return resource;
}

/** Maps a FHIR Patient to our input; FHIR field paths are kept so errors can name them. */
export function fromFhirPatient(r: Patient): { input: PatientInput; fieldMap: Record<string, string> } {
  const doc = r.identifier?.find((i) => i.system === RESIDENT_ID_SYSTEM) ?? r.identifier?.find((i) => i.system === PASSPORT_SYSTEM)
    ?? r.identifier?.find((i) => i.system === OTHER_DOCUMENT_SYSTEM);
  const docIndex = doc ? r.identifier!.indexOf(doc) : 0;
  const idType: PatientInput['idType'] = doc?.system === PASSPORT_SYSTEM ? 'passport' : doc?.system === OTHER_DOCUMENT_SYSTEM ? 'other' : 'resident_id';
  const name = r.name?.[0];
  const nameText = name?.text ?? `${name?.family ?? ''}${(name?.given ?? []).join('')}`;
  const mobile = r.telecom?.find((t) => t.system === 'phone')?.value ?? null;
  return {
    input: {
      name: nameText,
      sex: (r.gender === 'other' ? 'unknown' : r.gender) ?? 'unknown',
      birthDate: r.birthDate ?? '',
      idType,
      idNumber: doc?.value ?? '',
      mobile,
      address: r.address?.[0]?.text ?? null,
      contacts: (r.contact ?? []).map((c) => ({
        name: c.name?.text ?? '',
        relationship: c.relationship?.[0]?.text ?? c.relationship?.[0]?.coding?.[0]?.display ?? '',
        phone: c.telecom?.find((t) => t.system === 'phone')?.value ?? '',
      })),
    },
    fieldMap: {
      name: 'Patient.name[0]',
      sex: 'Patient.gender',
      birthDate: 'Patient.birthDate',
      idNumber: `Patient.identifier[${docIndex}].value`,
      idType: `Patient.identifier[${docIndex}].system`,
      mobile: 'Patient.telecom[0].value',
      address: 'Patient.address[0].text',
    },
  };
}
