import { fieldError, invalid, type FieldError } from '@kangyun/kernel';
import { parseResidentId } from '../identifiers/resident-id.js';
import type { PatientInput } from './types.js';

const SEX_ZH = { male: '男性', female: '女性' } as const;

/** Domain checks after the schema: ID check digit, consistency of birth date and sex with the ID, phone. */
export function validatePatientInput(input: PatientInput, today = new Date()): PatientInput {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (/[\d!@#$%^&*()_+=<>?/\\|{}[\]~`]/.test(name)) errors.push(fieldError('name', 'name_invalid', 'patients.name_invalid'));
  let idNumber = input.idNumber.trim().toUpperCase();
  let { birthDate, sex } = input;
  if (!idNumber) errors.push(fieldError('idNumber', 'required', 'patients.document_required'));
  else if (input.idType === 'resident_id') {
    const parsed = parseResidentId(idNumber, today);
    if (!parsed.ok) {
      errors.push(fieldError('idNumber', `id_${parsed.problem}`, `patients.id_${parsed.problem}`));
    } else {
      idNumber = parsed.value;
      if (birthDate && birthDate !== parsed.info.birthDate) {
        errors.push(fieldError('birthDate', 'id_mismatch', 'patients.birth_mismatch', { expected: parsed.info.birthDate }));
      }
      if (sex && sex !== 'unknown' && sex !== parsed.info.sex) {
        errors.push(fieldError('sex', 'id_mismatch', 'patients.sex_mismatch', { expected: SEX_ZH[parsed.info.sex] }));
      }
      birthDate ||= parsed.info.birthDate;
      if (!sex || sex === 'unknown') sex = parsed.info.sex;
    }
  }
  if (birthDate) {
    if (birthDate > today.toISOString().slice(0, 10)) errors.push(fieldError('birthDate', 'future', 'patients.birth_future'));
    else if (birthDate < '1900-01-01') errors.push(fieldError('birthDate', 'too_early', 'patients.birth_too_early'));
  }
  const mobile = input.mobile ? input.mobile.replace(/[\s-]/g, '').replace(/^\+?86/, '') : null;
  if (mobile && !/^1[3-9]\d{9}$/.test(mobile)) errors.push(fieldError('mobile', 'mobile_invalid', 'patients.mobile_invalid'));
  (input.contacts ?? []).forEach((c, i) => {
    const phone = c.phone.replace(/[\s-]/g, '');
    if (!/^(1[3-9]\d{9}|0\d{2,3}\d{7,8})$/.test(phone)) errors.push(fieldError(`contacts.${i}.phone`, 'phone_invalid', 'patients.mobile_invalid'));
  });
  if (errors.length) throw invalid(errors);
  return { ...input, name, idNumber, birthDate, sex, mobile, address: input.address?.trim() || null };
}
