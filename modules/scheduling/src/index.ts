import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { SCHEDULING_CLIENT_SCOPES, SCHEDULING_PERMISSIONS } from './permissions.js';
import { SCHEDULING_FIELD_LABELS, SCHEDULING_MESSAGES } from './messages.js';
import { appointmentRoutes } from './routes/appointments.js';
import { sessionRoutes } from './routes/sessions.js';
import { seedSchedulingDemo } from './demo.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Schedules, number pools and booking for clinics and medical-technology departments. */
export const schedulingModule: KangyunModule = {
  name: 'scheduling',
  migrations: path.join(here, '..', 'migrations'),
  permissions: SCHEDULING_PERMISSIONS,
  clientScopes: SCHEDULING_CLIENT_SCOPES,
  messages: { ...SCHEDULING_MESSAGES, ...SCHEDULING_FIELD_LABELS },
  routes(app, kernel) {
    sessionRoutes(app, kernel);
    appointmentRoutes(app, kernel);
  },
  seedDemo: (kernel) => seedSchedulingDemo(kernel),
};

export { createSession, type SessionSpec } from './sessions/create-session.js';
export { bookSlot, idempotencyOwner } from './booking/book.js';
export { cancelAppointment } from './booking/cancel.js';
export type { AppointmentView, BookingRequest, BookingOption } from './booking/types.js';
