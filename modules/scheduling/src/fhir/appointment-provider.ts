import type { FhirResourceProvider, Kernel } from '@kangyun/kernel';
import { proposedAppointment, toFhirAppointment } from './appointment-map.js';
import { APPOINTMENT_SEARCH_PARAMS, readFhirAppointment, searchFhirAppointments } from './appointment-search.js';
import { updateAppointment } from './appointment-update.js';
import { bookOperation, holdOperation } from './booking-operations.js';
import { findOperation } from './find-operation.js';
import { loadNumber } from './number.js';
import { parseProposalId } from './proposal-id.js';

/**
 * Appointment: bookings (read, search, cancellation by PUT, audited, under row-level security)
 * and the IHE scheduling operations $find, $hold and $book. A proposed appointment's id
 * (slot-{n}) reads as the proposal while its number is still free.
 */
export function appointmentProvider(kernel: Kernel): FhirResourceProvider {
  return {
    type: 'Appointment',
    permissions: { read: 'appointment.read', write: 'appointment.book' },
    searchParams: APPOINTMENT_SEARCH_PARAMS,
    async read(ctx, db, id) {
      const proposal = parseProposalId(id);
      if (proposal) {
        const n = await loadNumber(db, proposal.slotId);
        const offered = n && n.free && n.sessionOpen && ctx.actor.regionInstitutions.includes(Number(n.institutionId));
        return offered ? proposedAppointment(n, proposal.patientId) : null;
      }
      if (!/^\d{1,15}$/.test(id)) return null;
      const row = await readFhirAppointment(db, Number(id));
      if (!row) return null;
      await kernel.audit(db, ctx, { action: 'appointment.read', entityType: 'Appointment', entityId: row.id, patientId: row.patientId, detail: { via: 'fhir' } });
      return toFhirAppointment(row);
    },
    async search(ctx, db, req) {
      const { rows, total } = await searchFhirAppointments(kernel, ctx, db, req);
      return { resources: rows.map(toFhirAppointment), total };
    },
    update: (ctx, db, id, resource) => updateAppointment(kernel, ctx, db, id, resource),
    operations: [findOperation(kernel), holdOperation(kernel), bookOperation(kernel)],
  };
}
