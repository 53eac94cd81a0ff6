import type { KangyunModule } from '@kangyun/kernel';
import { identityModule } from '@kangyun/identity';
import { patientsModule } from '@kangyun/patients';
import { auditModule } from '@kangyun/audit';
import { notificationsModule } from '@kangyun/notifications';
import { fhirModule } from '@kangyun/fhir';
import { schedulingModule } from '@kangyun/scheduling';
import { queueModule } from '@kangyun/queue';
import { assessmentsModule } from '@kangyun/assessments';

/**
 * The one place where domain modules are plugged in. Order matters for migrations and demo
 * data: a module comes after the modules whose tables it references.
 */
export const modules: readonly KangyunModule[] = [identityModule, patientsModule, auditModule, notificationsModule, fhirModule, schedulingModule, queueModule, assessmentsModule];
