import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type Kernel } from '@kangyun/kernel';
import { registerPatient } from '../services/register.js';
import { interpretQuery, loadPatient, readPatient, searchPatients } from '../services/read.js';
import { updatePatient } from '../services/update.js';
import { mergePatients } from '../services/merge.js';
import { findDuplicates } from '../services/duplicates.js';
import type { PatientInput } from '../services/types.js';
import { idParams, patientInputSchema } from './schemas.js';

const tags = ['患者 Patients'];

export function patientRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/patients', {
    config: { permission: 'patient.read' },
    schema: {
      tags, summary: '患者查询：姓名（含部分姓名、拼音首字母）、身份证号、手机号、病案号、区域患者号；分页',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 50 })),
        page: Type.Integer({ minimum: 1, default: 1 }),
        pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const { q, page, pageSize } = req.query as { q?: string; page: number; pageSize: number };
    const query = q?.trim() ? interpretQuery(q) : {};
    const { items, total } = await kernel.scoped(ctx, (db) => searchPatients(kernel, ctx, db, query, pageSize, (page - 1) * pageSize));
    return { items, total, page, pageSize };
  });

  app.post('/api/patients', {
    config: { permission: 'patient.write' },
    schema: { tags, summary: '登记患者（重复检测；同一证件号在区域内已登记则建立本机构档案并关联）', body: Type.Intersect([patientInputSchema, Type.Object({ force: Type.Optional(Type.Boolean()) })]) },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const body = req.body as PatientInput & { force?: boolean };
    const result = await kernel.scoped(ctx, (db) => registerPatient(kernel, ctx, db, body, body.force ?? false));
    kernel.events.emit('patient.registered', { patientId: result.patient.id, institutionId: ctx.actor.institutionId });
    return reply.code(201).send({ ...result.patient, linked: result.linked });
  });

  app.get('/api/patients/:id', {
    config: { permission: 'patient.read' },
    schema: { tags, summary: '患者详情（敏感信息脱敏）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => readPatient(kernel, ctx, db, id));
  });

  app.post('/api/patients/:id/reveal', {
    config: { permission: ['patient.read', 'patient.reveal'] },
    schema: { tags, summary: '显示完整敏感信息（需授权，单独审计）', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, (db) => readPatient(kernel, ctx, db, id, true));
  });

  app.put('/api/patients/:id', {
    config: { permission: 'patient.write' },
    schema: { tags, summary: '修改患者信息（乐观锁 version）', params: idParams, body: Type.Intersect([patientInputSchema, Type.Object({ version: Type.Integer({ minimum: 1 }) })]) },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    const body = req.body as PatientInput & { version: number };
    return kernel.scoped(ctx, (db) => updatePatient(kernel, ctx, db, id, body, body.version));
  });

  app.get('/api/patients/:id/duplicates', {
    config: { permission: 'patient.read' },
    schema: { tags, summary: '疑似重复患者', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const p = await loadPatient(db, kernel.crypto, id, true);
      if (!p) throw notFound();
      const found = await findDuplicates(db, kernel.crypto, { name: p.name, sex: p.sex, birthDate: p.birthDate, idType: p.idType, idNumber: p.idNumber!, mobile: p.mobile }, id);
      await kernel.audit(db, ctx, found.map((c) => ({ action: 'patient.search', entityType: 'Patient', entityId: c.id, patientId: c.id, detail: { duplicatesOf: id } })));
      return found;
    });
  });

  app.post('/api/patients/merge', {
    config: { permission: ['patient.write', 'patient.merge'] },
    schema: {
      tags, summary: '合并重复患者（保留历史与审计）',
      body: Type.Object({ sourceId: Type.Integer({ minimum: 1 }), targetId: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 2, maxLength: 200 }) }),
    },
  }, async (req) => {
    const ctx = req.ctx!;
    const { sourceId, targetId, reason } = req.body as { sourceId: number; targetId: number; reason: string };
    const target = await kernel.scoped(ctx, (db) => mergePatients(kernel, ctx, db, sourceId, targetId, reason));
    kernel.events.emit('patient.merged', { sourceId, targetId, institutionId: ctx.actor.institutionId });
    return target;
  });

  app.get('/api/patients/:id/history', {
    config: { permission: 'patient.read' },
    schema: { tags, summary: '患者档案变更历史', params: idParams },
  }, async (req) => {
    const ctx = req.ctx!;
    const { id } = req.params as { id: number };
    return kernel.scoped(ctx, async (db) => {
      const p = await loadPatient(db, kernel.crypto, id, false);
      if (!p) throw notFound();
      const { rows } = await db.query(
        `SELECT h.at, h.action, h.actor_name AS "by", i.name AS "institutionName", h.detail
         FROM patient_history h LEFT JOIN org_unit i ON i.id = h.institution_id WHERE h.patient_id = $1 ORDER BY h.at, h.id`, [id]);
      await kernel.audit(db, ctx, { action: 'patient.history', entityType: 'Patient', entityId: id, patientId: id });
      return rows;
    });
  });
}
