import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel, KangyunModule } from '@kangyun/kernel';
import { DeliveryWorker } from './delivery/worker.js';
import { NOTIFICATION_MESSAGES } from './messages.js';
import { DEFAULT_DELIVERY_OPTIONS, deliveryOptionsFromEnv, type DeliveryOptions } from './options.js';
import { NOTIFICATION_PERMISSIONS } from './permissions.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { inboxRoutes } from './routes/inbox.js';
import { providerRoutes } from './routes/providers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface NotificationsModuleOptions extends Partial<DeliveryOptions> {
  /** run the delivery jobs (default true); tests that drive a DeliveryWorker themselves turn them off */
  jobs?: boolean;
}

/**
 * Notifications: delivers the kernel's outbox (kernel.notify) — in-app messages at once, SMS and
 * WeChat through each institution's gateway with retries — and shows staff what was sent, what
 * failed and why, their own in-app messages, and the provider settings.
 */
export function createNotificationsModule(options: NotificationsModuleOptions = {}): KangyunModule {
  const { jobs = true, ...overrides } = options;
  const delivery: DeliveryOptions = { ...DEFAULT_DELIVERY_OPTIONS, ...deliveryOptionsFromEnv(), ...overrides };
  return {
    name: 'notifications',
    migrations: path.join(here, '..', 'migrations'),
    permissions: NOTIFICATION_PERMISSIONS,
    messages: NOTIFICATION_MESSAGES,
    start(kernel: Kernel) {
      if (!jobs) return;
      const worker = new DeliveryWorker(kernel.pool, kernel.crypto, delivery, kernel.log);
      // two jobs, so in-app messages never wait behind a slow SMS or WeChat gateway
      kernel.jobs.every('notifications-inapp', delivery.intervalMs, () => worker.deliverInApp());
      kernel.jobs.every('notifications-deliver', delivery.intervalMs, () => worker.deliverExternal());
    },
    routes(app, kernel) {
      deliveryRoutes(app, kernel);
      providerRoutes(app, kernel, delivery);
      inboxRoutes(app, kernel);
    },
  };
}

export const notificationsModule: KangyunModule = createNotificationsModule();

export { DeliveryWorker } from './delivery/worker.js';
export { DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions } from './options.js';
export type { GatewayMessage } from './delivery/gateway.js';
export { patientInbox, markPatientInboxRead, type InboxMessage, type InboxPage, type InboxOptions } from './inbox.js';
export { NOTIFICATION_PERMISSIONS } from './permissions.js';
