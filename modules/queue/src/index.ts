import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KangyunModule } from '@kangyun/kernel';
import { QUEUE_CLIENT_SCOPES, QUEUE_PERMISSIONS } from './permissions.js';
import { QUEUE_FIELD_LABELS, QUEUE_MESSAGES } from './messages.js';
import { QueueHub } from './events/hub.js';
import { checkinRoutes } from './routes/checkin.js';
import { callingRoutes } from './routes/calling.js';
import { streamRoutes } from './routes/stream.js';
import { deviceRoutes } from './routes/devices.js';
import { areaRoutes } from './routes/areas.js';
import { ruleRoutes } from './routes/rules.js';
import { statsRoutes } from './routes/stats.js';
import { portalRoutes } from './routes/portal.js';
import { seedQueueDemo } from './demo.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * On the day (分诊与叫号): check-in, triage queues, calling panels, display screens with live
 * updates and voice, the patient's place on the phone. Reads and updates the scheduling module's
 * appointment, sched_session and sched_resource rows through SQL only.
 */
export const queueModule: KangyunModule = {
  name: 'queue',
  migrations: path.join(here, '..', 'migrations'),
  permissions: QUEUE_PERMISSIONS,
  clientScopes: QUEUE_CLIENT_SCOPES,
  messages: { ...QUEUE_MESSAGES, ...QUEUE_FIELD_LABELS },
  routes(app, kernel) {
    // one LISTEN connection per server, fanning out to its screens; ended before the server closes
    const hub = new QueueHub(kernel);
    app.addHook('preClose', async () => { await hub.stop(); });
    checkinRoutes(app, kernel);
    callingRoutes(app, kernel);
    streamRoutes(app, kernel, hub);
    deviceRoutes(app, kernel);
    areaRoutes(app, kernel);
    ruleRoutes(app, kernel);
    statsRoutes(app, kernel);
    portalRoutes(app, kernel, hub);
  },
  seedDemo: (kernel) => seedQueueDemo(kernel),
};

export { DEMO_DEVICES } from './demo.js';
export type { QueueEvent, QueueState, CallInfo } from './events/types.js';
