import { EventEmitter } from 'node:events';

/**
 * Domain events inside one process (e.g. patient.merged → other modules relink their rows).
 * Handlers run after the emitting transaction committed. Cross-node delivery, when a module
 * needs it, goes through a database outbox table owned by that module.
 */
export interface DomainEvents {
  'patient.registered': { patientId: number; institutionId: number };
  'patient.merged': { sourceId: number; targetId: number; institutionId: number };
}

export class EventBus {
  private emitter = new EventEmitter();

  on<K extends keyof DomainEvents>(name: K, handler: (payload: DomainEvents[K]) => Promise<void> | void): void {
    this.emitter.on(name, (payload: DomainEvents[K]) => {
      Promise.resolve(handler(payload)).catch((err) => this.emitter.emit('error', err));
    });
  }

  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  onError(handler: (err: unknown) => void): void {
    this.emitter.on('error', handler);
  }
}
