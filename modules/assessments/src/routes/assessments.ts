import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Kernel } from '@kangyun/kernel';
import { BUILT_IN_SCALES } from '../scales/index.js';
import { scaleById, scaleSummary } from '../scales/catalogue.js';
import { patientAssessments, submitAssessment, type AssessmentInput } from '../responses.js';

const tags = ['评估 Assessments'];
const scaleId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: '量表编号，如 phq-9' });
const answer = Type.Object({
  valueCoding: Type.Optional(Type.Object({ system: Type.Optional(Type.String({ maxLength: 200 })), code: Type.String({ maxLength: 100 }), display: Type.Optional(Type.String({ maxLength: 200 })) })),
  valueInteger: Type.Optional(Type.Integer()),
  valueDecimal: Type.Optional(Type.Number()),
  valueBoolean: Type.Optional(Type.Boolean()),
  valueString: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

export function assessmentRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/assessments/scales', {
    config: { permission: 'assessment.read' },
    schema: { tags, summary: '内置量表目录（版本、来源、许可、分级）' },
  }, async () => ({ items: BUILT_IN_SCALES.map(scaleSummary) }));

  app.get('/api/assessments/scales/:id', {
    config: { permission: 'assessment.read' },
    schema: { tags, summary: '量表定义：FHIR Questionnaire 与计分规则', params: Type.Object({ id: scaleId }) },
  }, async (req) => {
    const scale = scaleById((req.params as { id: string }).id);
    return { ...scaleSummary(scale), questionnaire: scale.questionnaire, scoring: scale.scoring };
  });

  app.post('/api/assessments', {
    config: { permission: 'assessment.write' },
    schema: {
      tags, summary: '提交评估（或保存草稿）：按量表版本校验、自动计分、给出分级与建议',
      body: Type.Object({
        patientId: Type.Integer({ minimum: 1 }),
        scaleId,
        status: Type.Union([Type.Literal('completed'), Type.Literal('in-progress')], { default: 'completed' }),
        items: Type.Array(Type.Object({ linkId: Type.String({ minLength: 1, maxLength: 100 }), answer: Type.Array(answer, { maxItems: 50 }) }), { maxItems: 500 }),
      }),
    },
  }, async (req, reply) => {
    const saved = await submitAssessment(kernel, req.ctx!, req.body as AssessmentInput);
    return reply.code(201).send(saved);
  });

  app.get('/api/patients/:id/assessments', {
    config: { permission: 'assessment.read' },
    schema: { tags, summary: '患者的评估记录（新→旧），可按量表筛选', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), querystring: Type.Object({ scaleId: Type.Optional(scaleId) }) },
  }, async (req) => {
    const { id } = req.params as { id: number };
    const { scaleId: only } = req.query as { scaleId?: string };
    return { items: await patientAssessments(kernel, req.ctx!, id, only) };
  });
}
