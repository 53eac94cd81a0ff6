import type { CryptoProvider } from '@kangyun/kernel';
import { maskAddress, maskDocument, maskPhone } from '../masking.js';
import { namePinyin, nameTokens } from '../names.js';
import type { PatientInput } from './types.js';

/** The stored form of validated input: encrypted sensitive columns, look-up hashes, masks, search tokens. */
export function encodePatient(input: PatientInput, crypto: CryptoProvider) {
  const { initials, full } = namePinyin(input.name);
  return {
    name: input.name,
    name_tokens: nameTokens(input.name),
    name_initials: initials,
    name_pinyin: full,
    sex: input.sex,
    birth_date: input.birthDate,
    id_type: input.idType,
    id_number_enc: crypto.encryptField(input.idNumber),
    id_number_index: documentIndex(crypto, input.idType, input.idNumber),
    id_number_masked: maskDocument(input.idNumber),
    mobile_enc: input.mobile ? crypto.encryptField(input.mobile) : null,
    mobile_index: input.mobile ? phoneIndex(crypto, input.mobile) : null,
    mobile_masked: input.mobile ? maskPhone(input.mobile) : null,
    address_enc: input.address ? crypto.encryptField(input.address) : null,
    address_masked: input.address ? maskAddress(input.address) : null,
    contacts_enc: input.contacts?.length ? crypto.encryptField(JSON.stringify(input.contacts)) : null,
  };
}

export const documentIndex = (crypto: CryptoProvider, idType: string, value: string) => crypto.blindIndex(`doc:${idType}:${value.trim().toUpperCase()}`);
export const phoneIndex = (crypto: CryptoProvider, value: string) => crypto.blindIndex(`phone:${value.replace(/[\s-]/g, '').replace(/^\+?86/, '')}`);

export type EncodedPatient = ReturnType<typeof encodePatient>;
