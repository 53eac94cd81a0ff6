import { Type } from '@sinclair/typebox';
import { MODALITIES } from '../constants.js';
import { channelSchema } from '../routes/schemas.js';
import { EXAM_FLAGS, EXAM_RULE_KINDS, PATIENT_CLASSES } from './types.js';

const literals = <T extends string>(xs: readonly T[], description?: string) => Type.Union(xs.map((x) => Type.Literal(x)), description ? { description } : {});

export const modalitySchema = literals(MODALITIES, '检查类型 US/DR/CT/MRI/ECG/ENDO');
export const patientClassSchema = literals(PATIENT_CLASSES, '患者类别：outpatient 门诊 / inpatient 住院');
const time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: '本地时间 HH:MM' });
const id = Type.Integer({ minimum: 1 });

export const examItemBody = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: '项目编码（字母、数字、_ . -）' }),
  // required-ness of the name is checked in code, so the message names it as 检查项目名称
  name: Type.Optional(Type.String({ maxLength: 60 })),
  modality: modalitySchema,
  departmentId: Type.Optional(Type.Union([id, Type.Null()], { description: '执行科室；空 = 该类型设备所在任一科室' })),
  durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
  preparation: Type.Optional(Type.String({ maxLength: 1000, description: '检查前准备（向患者显示）' })),
  fasting: Type.Optional(Type.Boolean()),
  contrast: Type.Optional(Type.Boolean()),
  morningOnly: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

const selector = Type.Object({
  itemId: Type.Optional(Type.Union([id, Type.Null()])),
  modality: Type.Optional(Type.Union([modalitySchema, Type.Null()])),
  flag: Type.Optional(Type.Union([literals(EXAM_FLAGS), Type.Null()])),
}, { description: '检查项目、检查类型或类别（增强 contrast / 空腹 fasting）三选一' });

export const examRuleBody = Type.Object({
  kind: literals(EXAM_RULE_KINDS, 'different_day 不同日 / order 先后顺序 / min_interval 最小间隔 / morning_only 仅上午 / same_visit 可同次检查 / priority 优先'),
  a: selector,
  b: Type.Optional(Type.Union([selector, Type.Null()])),
  sameDay: Type.Optional(Type.Boolean({ description: '先后顺序仅在同一天时适用' })),
  minGapMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 43200 })),
  patientClass: Type.Optional(Type.Union([patientClassSchema, Type.Null()])),
  timeFrom: Type.Optional(Type.Union([time, Type.Null()])),
  timeTo: Type.Optional(Type.Union([time, Type.Null()])),
  description: Type.String({ minLength: 1, maxLength: 200, description: '规则说明：阻止预约时向用户显示' }),
  active: Type.Optional(Type.Boolean()),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const examBookBody = Type.Object({
  patientId: id,
  examItemId: Type.Optional(id),
  examItemIds: Type.Optional(Type.Array(id, { minItems: 1, maxItems: 4, description: '可同次检查的多个项目（时长相加）' })),
  sessionId: id,
  startsAt: Type.Optional(Type.String({ format: 'date-time', description: '指定开始时间（整 5 分钟）；不填则取最早可用时间' })),
  patientClass: Type.Optional(patientClassSchema),
  channel: Type.Optional(channelSchema),
  hold: Type.Optional(Type.Boolean({ description: '只锁定（有效期内确认）' })),
  orderRef: Type.Optional(Type.String({ maxLength: 60 })),
  idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const examRescheduleBody = Type.Object({
  sessionId: id,
  startsAt: Type.Optional(Type.String({ format: 'date-time' })),
  patientClass: Type.Optional(patientClassSchema),
  channel: Type.Optional(channelSchema),
});

const dateSchema = Type.String({ format: 'date' });

export const proposeBody = Type.Object({
  patientId: id,
  examItemIds: Type.Array(id, { minItems: 1, maxItems: 10 }),
  from: dateSchema,
  to: dateSchema,
  patientClass: Type.Optional(patientClassSchema),
  channel: Type.Optional(channelSchema),
});

export const planBookBody = Type.Object({
  patientId: id,
  patientClass: Type.Optional(patientClassSchema),
  channel: Type.Optional(channelSchema),
  orderRef: Type.Optional(Type.String({ maxLength: 60 })),
  idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 90 })),
  visits: Type.Array(Type.Object({
    examItemIds: Type.Array(id, { minItems: 1, maxItems: 4 }),
    sessionId: id,
    startsAt: Type.String({ format: 'date-time' }),
  }), { minItems: 1, maxItems: 10 }),
});
