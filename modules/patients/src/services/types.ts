export type Sex = 'male' | 'female' | 'unknown';
export type IdType = 'resident_id' | 'passport' | 'other';

export interface Contact {
  name: string;
  relationship: string;
  phone: string;
}

export interface PatientInput {
  name: string;
  sex: Sex;
  birthDate: string;
  idType: IdType;
  idNumber: string;
  mobile?: string | null;
  address?: string | null;
  contacts?: Contact[];
}

export interface PatientSummary {
  id: number;
  regionalId: string;
  mrn: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  age: number;
  idNumberMasked: string;
  mobileMasked: string | null;
  status: 'active' | 'merged';
}

export interface PatientDetail extends PatientSummary {
  nameInitials: string;
  idType: IdType;
  addressMasked: string | null;
  contacts: Contact[];
  mergedInto: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** present only in a reveal */
  idNumber?: string;
  mobile?: string | null;
  address?: string | null;
  /** the caller reads this patient through another institution's sharing grant */
  viaGrant: boolean;
}
