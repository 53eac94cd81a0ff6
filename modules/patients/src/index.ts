import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { PATIENT_FIELD_LABELS, PATIENT_MESSAGES } from './messages.js';
import { PATIENT_PERMISSIONS } from './permissions.js';
import { patientRoutes } from './routes/patients.js';
import { portalRoutes } from './portal/index.js';
import { patientProvider } from './fhir/patient-provider.js';
import { seedPatientsDemo } from './demo.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Master patient index: registration, duplicate detection and merge, search, masked display, FHIR Patient. */
export const patientsModule: KangyunModule = {
  name: 'patients',
  migrations: path.join(here, '..', 'migrations'),
  permissions: PATIENT_PERMISSIONS,
  messages: { ...PATIENT_MESSAGES, ...PATIENT_FIELD_LABELS },
  fhir: (kernel) => [patientProvider(kernel)],
  routes: (app, kernel) => { patientRoutes(app, kernel); portalRoutes(app, kernel); },
  seedDemo: (kernel) => seedPatientsDemo(kernel),
};

export { parseResidentId, residentIdCheckChar } from './identifiers/resident-id.js';
export { demoPatients } from './demo.js';
export { encodePatient } from './services/encode.js';
export { maskName, nameTokens, namePinyin } from './names.js';
