import dayjs, { type Dayjs } from 'dayjs';
import type { Contact, IdType, PatientInput, RevealedPatient, Sex } from '../types';

export interface PatientFormValues {
  idType: IdType;
  idNumber: string;
  name: string;
  sex?: Sex;
  birthDate?: Dayjs | null;
  mobile?: string;
  address?: string;
  contacts?: Partial<Contact>[];
}

export function toInput(values: PatientFormValues): PatientInput {
  const contacts = (values.contacts ?? [])
    .map((c) => ({ name: c.name?.trim() ?? '', relationship: c.relationship?.trim() ?? '', phone: c.phone?.trim() ?? '' }))
    .filter((c) => c.name || c.phone);
  return {
    name: values.name.trim(),
    sex: values.sex ?? 'unknown',
    birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : '',
    idType: values.idType,
    idNumber: values.idNumber.trim().toUpperCase(),
    mobile: values.mobile?.trim() || undefined,
    address: values.address?.trim() || undefined,
    contacts,
  };
}

export function fromPatient(p: RevealedPatient): PatientFormValues {
  return {
    idType: p.idType,
    idNumber: p.idNumber ?? '',
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate ? dayjs(p.birthDate) : null,
    mobile: p.mobile ?? '',
    address: p.address ?? '',
    contacts: p.contacts ?? [],
  };
}
