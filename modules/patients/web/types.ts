import type { Id } from '@kangyun/web-shell/types';

export type { Id };

export type Sex = 'male' | 'female' | 'unknown';
export type IdType = 'resident_id' | 'passport' | 'other';

export interface PatientSummary {
  id: Id;
  regionalId: string;
  mrn: string;
  name: string;
  sex: Sex;
  birthDate: string;
  age: number | null;
  idNumberMasked: string;
  mobileMasked: string | null;
}

export type DuplicateReason = 'same_id_number' | 'similar_demographics';

export type DuplicateCandidate = PatientSummary & { reason: DuplicateReason };

export interface Contact {
  name: string;
  relationship: string;
  phone: string;
}

export interface Patient {
  id: Id;
  regionalId: string;
  mrn: string;
  name: string;
  nameInitials: string;
  sex: Sex;
  birthDate: string;
  age: number | null;
  idType: IdType;
  idNumberMasked: string;
  mobileMasked: string | null;
  addressMasked: string | null;
  contacts: Contact[];
  status: 'active' | 'merged';
  mergedInto?: Id | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/patients/:id/reveal: the same record with the identifying fields in full. */
export type RevealedPatient = Patient & {
  idNumber?: string;
  mobile?: string | null;
  address?: string | null;
};

export interface PatientInput {
  name: string;
  sex: Sex;
  birthDate: string;
  idType: IdType;
  idNumber: string;
  mobile?: string;
  address?: string;
  contacts?: Contact[];
}

export interface HistoryEntry {
  at: string;
  action: string;
  by: string;
  detail: unknown;
}
