import type { SchedulingArea } from '../area.js';
import { appointmentProvider } from './appointment-provider.js';
import { FHIR_AREA_MESSAGES } from './messages.js';
import { scheduleProvider } from './schedule-provider.js';
import { slotProvider } from './slot-provider.js';

/** FHIR R4 Schedule, Slot and Appointment with the IHE scheduling operations ($find, $hold, $book). */
export const fhirArea: SchedulingArea = {
  messages: FHIR_AREA_MESSAGES,
  fhir: (kernel) => [scheduleProvider, slotProvider, appointmentProvider(kernel)],
};
