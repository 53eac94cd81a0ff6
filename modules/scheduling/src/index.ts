import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { SCHEDULING_CLIENT_SCOPES, SCHEDULING_PERMISSIONS } from './permissions.js';
import { SCHEDULING_FIELD_LABELS, SCHEDULING_MESSAGES } from './messages.js';
import { appointmentRoutes } from './routes/appointments.js';
import { sessionRoutes } from './routes/sessions.js';
import { seedSchedulingDemo } from './demo.js';
import type { SchedulingArea } from './area.js';
import { planningArea, seedPlanningDemo } from './planning/index.js';
import { examsArea } from './exams/index.js';
import { portalArea } from './portal/index.js';
import { statsArea } from './stats/index.js';
import { fhirArea } from './fhir/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const areas: SchedulingArea[] = [planningArea, examsArea, portalArea, statsArea, fhirArea];

/** Schedules, number pools and booking for clinics and medical-technology departments. */
export const schedulingModule: KangyunModule = {
  name: 'scheduling',
  migrations: path.join(here, '..', 'migrations'),
  permissions: SCHEDULING_PERMISSIONS,
  clientScopes: SCHEDULING_CLIENT_SCOPES,
  messages: Object.assign({ ...SCHEDULING_MESSAGES, ...SCHEDULING_FIELD_LABELS }, ...areas.map((a) => a.messages ?? {})),
  routes(app, kernel) {
    sessionRoutes(app, kernel);
    appointmentRoutes(app, kernel);
    for (const area of areas) area.routes?.(app, kernel);
  },
  fhir: (kernel) => areas.flatMap((a) => a.fhir?.(kernel) ?? []),
  async start(kernel) {
    for (const area of areas) await area.start?.(kernel);
  },
  async seedDemo(kernel) {
    await seedSchedulingDemo(kernel);
    await seedPlanningDemo(kernel);
  },
};

export { createSession, type SessionSpec } from './sessions/create-session.js';
export { bookSlot, idempotencyOwner } from './booking/book.js';
export { cancelAppointment } from './booking/cancel.js';
export type { AppointmentView, BookingRequest, BookingOption } from './booking/types.js';
