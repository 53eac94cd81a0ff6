import type { Patient } from '@medplum/fhirtypes';
import { AppError, fieldError, type CallContext, type FhirResourceProvider, type FhirSearchRequest } from '@kangyun/kernel';
import type { Kernel } from '@kangyun/kernel';
import { registerPatient } from '../services/register.js';
import { readPatient, searchPatients, loadPatient, type PatientQuery } from '../services/read.js';
import { updatePatient } from '../services/update.js';
import { toDetail } from '../services/row.js';
import { fromFhirPatient, toFhirPatient, MRN_SYSTEM, PASSPORT_SYSTEM, OTHER_DOCUMENT_SYSTEM, REGIONAL_ID_SYSTEM, RESIDENT_ID_SYSTEM } from './mapping.js';

const canReveal = (ctx: CallContext) => ctx.actor.permissions.has('patient.reveal');

/** Our field names → FHIR paths, and 422 → 400 as FHIR clients expect for invalid resources. */
function asFhirError(err: unknown, fieldMap: Record<string, string>): unknown {
  if (err instanceof AppError && err.status === 422) {
    return new AppError(400, err.code, err.messageKey, err.params, err.fieldErrors.map((f) => ({ ...f, field: fieldMap[f.field] ?? `Patient.${f.field}` })));
  }
  return err;
}

function searchToQuery(params: [string, string][]): PatientQuery | null {
  const q: PatientQuery = {};
  for (const [key, raw] of params) {
    const value = raw.trim();
    switch (key) {
      case '_id':
        if (!/^\d+$/.test(value)) return null;
        q.id = Number(value);
        break;
      case 'identifier': {
        const bar = value.indexOf('|');
        const system = bar >= 0 ? value.slice(0, bar) : '';
        const v = bar >= 0 ? value.slice(bar + 1) : value;
        if (system === REGIONAL_ID_SYSTEM) q.regionalId = v;
        else if (system.startsWith(MRN_SYSTEM)) q.mrn = v;
        else if (system === RESIDENT_ID_SYSTEM) { q.idNumber = v; q.idType = 'resident_id'; }
        else if (system === PASSPORT_SYSTEM) { q.idNumber = v; q.idType = 'passport'; }
        else if (system === OTHER_DOCUMENT_SYSTEM) { q.idNumber = v; q.idType = 'other'; }
        else if (system === '') {
          if (/^P\d{10}$/i.test(v)) q.regionalId = v.toUpperCase();
          else q.idNumber = v;
        } else return null;
        break;
      }
      case 'name':
      case 'family':
      case 'given':
        q.name = /^[A-Za-z]+$/.test(value) ? value.toLowerCase() : value;
        break;
      case 'birthdate':
        q.birthDate = value.replace(/^eq/, '');
        break;
      case 'gender':
        q.sex = value;
        break;
      case 'phone':
      case 'telecom':
        q.phone = value.replace(/^phone\|/, '');
        break;
    }
  }
  return q;
}

export function patientProvider(kernel: Kernel): FhirResourceProvider {
  return {
    type: 'Patient',
    permissions: { read: 'patient.read', write: 'patient.write' },
    searchParams: [
      { name: '_id', type: 'token', documentation: 'logical id' },
      { name: 'identifier', type: 'token', documentation: `居民身份证号 (${RESIDENT_ID_SYSTEM}|…), passport, regional patient id (${REGIONAL_ID_SYSTEM}|…) or medical-record number (${MRN_SYSTEM}|…)` },
      { name: 'name', type: 'string', documentation: '姓名: full name, any part of it, or pinyin initials / full pinyin' },
      { name: 'birthdate', type: 'date', documentation: 'birth date (YYYY-MM-DD)' },
      { name: 'gender', type: 'token', documentation: 'male | female | unknown' },
      { name: 'phone', type: 'token', documentation: 'mobile number (exact)' },
    ],
    async read(ctx, db, id) {
      if (!/^\d+$/.test(id)) return null;
      try {
        return toFhirPatient(await readPatient(kernel, ctx, db, Number(id), canReveal(ctx)), canReveal(ctx));
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return null;
        throw err;
      }
    },
    async search(ctx, db, req: FhirSearchRequest) {
      const query = searchToQuery(req.params);
      if (!query) return { resources: [], total: 0 };
      const { rows, total } = await searchPatients(kernel, ctx, db, query, req.count, req.offset);
      return { resources: rows.map((r) => toFhirPatient(toDetail(r, kernel.crypto, canReveal(ctx)), canReveal(ctx))), total };
    },
    async create(ctx, db, resource) {
      const { input, fieldMap } = fromFhirPatient(resource as Patient);
      try {
        const result = await registerPatient(kernel, ctx, db, input, true);
        const p = await loadPatient(db, kernel.crypto, result.patient.id, canReveal(ctx));
        return toFhirPatient(p!, canReveal(ctx));
      } catch (err) {
        if (err instanceof AppError && err.code === 'duplicate_patient') {
          throw new AppError(409, 'duplicate_patient', 'patients.duplicate', {}, [fieldError(fieldMap.idNumber, 'duplicate', 'patients.duplicate')]);
        }
        throw asFhirError(err, fieldMap);
      }
    },
    async update(ctx, db, id, resource) {
      const { input, fieldMap } = fromFhirPatient(resource as Patient);
      if (!/^\d+$/.test(id)) throw new AppError(404, 'not_found', 'error.not_found');
      const current = await loadPatient(db, kernel.crypto, Number(id), false);
      if (!current) throw new AppError(404, 'not_found', 'error.not_found');
      const version = Number((resource as Patient).meta?.versionId ?? current.version);
      try {
        await updatePatient(kernel, ctx, db, Number(id), input, version);
        const p = await loadPatient(db, kernel.crypto, Number(id), canReveal(ctx));
        return toFhirPatient(p!, canReveal(ctx));
      } catch (err) {
        throw asFhirError(err, fieldMap);
      }
    },
  };
}
