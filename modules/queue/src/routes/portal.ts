import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound, portalContext, requestInfo, type Kernel } from '@kangyun/kernel';
import { checkIn } from '../checkin/checkin.js';
import { readMyQueue } from '../portal/my-queue.js';
import { PatientSubscriber } from '../portal/patient-subscriber.js';
import type { QueueHub } from '../events/hub.js';
import { SseStream } from '../events/sse.js';
import { idParams } from './schemas.js';

const tags = ['患者端 Patient portal'];

/** the institution of the patient's own booking (the portal session proves the patient), or 404 */
async function ownBooking(kernel: Kernel, req: FastifyRequest): Promise<{ patientId: number; institutionId: number; appointmentId: number }> {
  const patientId = req.portal!.patientId;
  const { id } = req.params as { id: number };
  const { rows } = await kernel.pool.query({
    name: 'queue.portal-own',
    text: 'SELECT institution_id FROM appointment WHERE id = $1 AND patient_id = $2',
    values: [id, patientId],
  });
  if (!rows[0]) throw notFound('queue.appointment_unknown');
  return { patientId, institutionId: Number(rows[0].institution_id), appointmentId: id };
}

/** Patients on their phones (portal session cookie): check in by the booking's QR code, and follow their place. */
export function portalRoutes(app: FastifyInstance, kernel: Kernel, hub: QueueHub): void {
  app.get('/api/portal/queue/:id', {
    config: { portal: true },
    schema: { tags, summary: '我的排队：签到时间、排队号、前面还有几人、状态', params: idParams },
  }, async (req) => {
    const own = await ownBooking(kernel, req);
    const ctx = portalContext(own.patientId, own.institutionId, requestInfo(req));
    return kernel.scoped(ctx, async (db) => {
      const view = await readMyQueue(db, own.appointmentId);
      if (!view) throw notFound('queue.appointment_unknown');
      await kernel.audit(db, ctx, { action: 'queue.portal.read', entityType: 'Appointment', entityId: own.appointmentId, patientId: own.patientId });
      return view;
    });
  });

  app.post('/api/portal/queue/checkin/:id', {
    config: { portal: true },
    schema: { tags, summary: '扫码签到（预约单或手机上的二维码 /m/checkin/<预约号>）', params: idParams },
  }, async (req, reply) => {
    const own = await ownBooking(kernel, req);
    const ctx = portalContext(own.patientId, own.institutionId, requestInfo(req));
    const result = await kernel.scoped(ctx, (db) => checkIn(kernel, ctx, db, { appointmentId: own.appointmentId, channel: 'qr', patientId: own.patientId }));
    return reply.code(result.kind === 'checkin' ? 201 : 200).send(result);
  });

  app.get('/api/portal/queue/stream/:id', {
    config: { portal: true },
    schema: { tags, summary: '我的排队实时推送（SSE，事件 me）', params: idParams },
  }, async (req, reply) => {
    const own = await ownBooking(kernel, req);
    await hub.ready().catch(() => { throw new AppError(503, 'stream_unavailable', 'queue.stream_unavailable'); });
    const stream = new SseStream(req, reply);
    stream.open();
    await new PatientSubscriber(kernel, hub, stream, own.patientId, own.institutionId, own.appointmentId, requestInfo(req)).start().catch((err) => {
      kernel.log.warn({ err }, 'patient stream failed to start');
      stream.close();
    });
    return reply;
  });
}
