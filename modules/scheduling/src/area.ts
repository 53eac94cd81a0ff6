import type { FastifyInstance } from 'fastify';
import type { FhirResourceProvider, Kernel, Messages } from '@kangyun/kernel';

/**
 * One part of the scheduling module (planning, exams, portal, statistics, FHIR). The module's
 * index composes its areas so each can live in its own folder.
 */
export interface SchedulingArea {
  routes?(app: FastifyInstance, kernel: Kernel): void;
  messages?: Messages;
  start?(kernel: Kernel): void | Promise<void>;
  fhir?(kernel: Kernel): FhirResourceProvider[];
}
