import { fieldError, invalid, type FieldError } from '@kangyun/kernel';
import { parseResidentId } from '../identifiers/resident-id.js';
import type { IdType } from '../services/types.js';

/** What a patient types to prove who they are on the phone. */
export interface PortalCredentials {
  name: string;
  idType: IdType;
  idNumber: string;
  mobile: string;
}

/**
 * Normalises the typed credentials and rejects malformed ones field by field. Only the form of each
 * value is judged here (a wrong check digit, a 10-digit mobile), never whether anyone has it, so the
 * errors reveal nothing about the patient index.
 */
export function normaliseCredentials(raw: { name: string; idType?: IdType; idNumber: string; mobile: string }): PortalCredentials {
  const errors: FieldError[] = [];
  const name = raw.name.trim().replace(/\s+/g, ' ');
  if (!name) errors.push(fieldError('name', 'required', 'patients.name_invalid'));
  else if (/[\d!@#$%^&*()_+=<>?/\\|{}[\]~`]/.test(name)) errors.push(fieldError('name', 'name_invalid', 'patients.name_invalid'));
  const idType = raw.idType ?? 'resident_id';
  let idNumber = raw.idNumber.trim().toUpperCase();
  if (!idNumber) errors.push(fieldError('idNumber', 'required', 'patients.document_required'));
  else if (idType === 'resident_id') {
    const parsed = parseResidentId(idNumber);
    if (!parsed.ok) errors.push(fieldError('idNumber', `id_${parsed.problem}`, `patients.id_${parsed.problem}`));
    else idNumber = parsed.value;
  }
  const mobile = raw.mobile.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (!mobile) errors.push(fieldError('mobile', 'required', 'patients.portal.mobile_required'));
  else if (!/^1[3-9]\d{9}$/.test(mobile)) errors.push(fieldError('mobile', 'mobile_invalid', 'patients.mobile_invalid'));
  if (errors.length) throw invalid(errors);
  return { name, idType, idNumber, mobile };
}
