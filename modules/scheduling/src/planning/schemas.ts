import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CHANNELS, CLINIC_LEVELS, MODALITIES, PERIODS } from '../constants.js';

/** one of some strings, as an enum (so a nullable copy can add null to it) */
const literals = (values: readonly string[], description?: string) =>
  Type.Unsafe<string>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/**
 * null or the value. OpenAPI's `nullable` rather than anyOf [X, null]: with the platform's type
 * coercion an anyOf turns null into 0, false or "" in its first branch before the null branch is
 * tried, so "not set" would silently become "zero".
 */
const nullable = <T extends TSchema>(t: T) => {
  const schema = { ...t, nullable: true } as Record<string, unknown>;
  if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
  return Type.Unsafe<Static<T> | null>(schema);
};

export const timeSchema = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: '本地时间 HH:MM' });
export const dateSchema = Type.String({ format: 'date' });
export const periodSchema = literals(PERIODS, '时段 am 上午 / pm 下午 / night 夜间 / day 全天');
export const levelSchema = literals(CLINIC_LEVELS, '号别 general 普通 / expert 专家 / special 特需');
export const modalitySchema = literals(MODALITIES, '检查类型 US/DR/CT/MRI/ECG/ENDO');
export const channelSchema = literals(CHANNELS, '预约渠道');
export const reservedForSchema = literals(['followup', 'referral'], '锁号用途 followup 复诊 / referral 转诊');
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** per-channel quotas: {"window": 6, "wechat": 6}; unknown channels are refused */
export const quotasSchema = Type.Object(Object.fromEntries(CHANNELS.map((c) => [c, Type.Optional(Type.Integer({ minimum: 0, maximum: 500 }))])), { additionalProperties: false });

export const resourceBody = Type.Object({
  departmentId: Type.Integer({ minimum: 1 }),
  kind: literals(['clinic', 'exam'], 'clinic 门诊 / exam 医技检查'),
  name: Type.String({ maxLength: 100 }),
  practitionerId: Type.Optional(nullable(Type.Integer({ minimum: 1 }))),
  clinicLevel: Type.Optional(nullable(levelSchema)),
  modality: Type.Optional(nullable(modalitySchema)),
  room: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
  fee: Type.Optional(nullable(Type.Number({ minimum: 0, maximum: 100000 }))),
  active: Type.Optional(Type.Boolean()),
});

const poolFields = {
  capacity: Type.Integer({ minimum: 0, maximum: 500 }),
  segmentMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
  channelQuotas: Type.Optional(quotasSchema),
  reservedFollowup: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  reservedReferral: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  fee: Type.Optional(nullable(Type.Number({ minimum: 0, maximum: 100000 }))),
};

export const templateBody = Type.Object({
  resourceId: Type.Integer({ minimum: 1 }),
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 星期一 … 7 星期日' }),
  period: periodSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  ...poolFields,
  followSeason: Type.Optional(Type.Boolean({ description: '按时令调整开始/结束时间' })),
  runsOnHolidays: Type.Optional(Type.Boolean({ description: '节假日照常出诊' })),
  validFrom: dateSchema,
  validTo: Type.Optional(nullable(dateSchema)),
  active: Type.Optional(Type.Boolean()),
  note: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const generateBody = Type.Object({
  from: dateSchema,
  to: dateSchema,
  departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  async: Type.Optional(Type.Boolean({ description: '立即返回任务编号，后台生成（页面轮询进度）' })),
});

export const temporarySessionBody = Type.Object({
  resourceId: Type.Integer({ minimum: 1 }),
  serviceDate: dateSchema,
  period: periodSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  ...poolFields,
  room: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
  practitionerId: Type.Optional(nullable(Type.Integer({ minimum: 1 }))),
});

export const seasonBody = Type.Object({
  kind: literals(['summer', 'winter'], 'summer 夏令 / winter 冬令'),
  name: Type.String({ maxLength: 50 }),
  startsOn: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: '月-日，如 05-01' }),
  endsOn: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
  amStart: Type.Optional(nullable(timeSchema)),
  amEnd: Type.Optional(nullable(timeSchema)),
  pmStart: Type.Optional(nullable(timeSchema)),
  pmEnd: Type.Optional(nullable(timeSchema)),
});

const holidayFields = {
  day: dateSchema,
  kind: literals(['holiday', 'workday'], 'holiday 放假 / workday 调休上班'),
  worksAs: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 7, description: '调休上班日按星期几排班' }))),
  name: Type.String({ minLength: 1, maxLength: 50 }),
};
export const holidayBody = Type.Object({ ...holidayFields, regionWide: Type.Optional(Type.Boolean({ description: '全区（国家）节假日' })) });
export const holidayImportBody = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  regionWide: Type.Optional(Type.Boolean()),
  replace: Type.Optional(Type.Boolean({ description: '先删除该年已有记录' })),
  days: Type.Array(Type.Object(holidayFields), { minItems: 1, maxItems: 400 }),
});

export const seqsSchema = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500, uniqueItems: true });
export const addNumbersBody = Type.Object({
  count: Type.Integer({ minimum: 1, maximum: 100 }),
  channel: Type.Optional(nullable(channelSchema)),
  reservedFor: Type.Optional(nullable(reservedForSchema)),
});
export const seqsBody = Type.Object({ seqs: seqsSchema });
export const relabelBody = Type.Object({
  seqs: seqsSchema,
  channel: Type.Optional(nullable(channelSchema)),
  reservedFor: Type.Optional(nullable(reservedForSchema)),
});
export const quotasBody = Type.Object({
  channelQuotas: quotasSchema,
  reservedFollowup: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  reservedReferral: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 500, description: '检查单元的容量' })),
});
export const sessionPatchBody = Type.Object({
  fee: Type.Optional(nullable(Type.Number({ minimum: 0, maximum: 100000 }))),
  room: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
});

export const substituteBody = Type.Object({
  practitionerId: Type.Integer({ minimum: 1 }),
  reason: Type.String({ minLength: 1, maxLength: 200 }),
});
export const suspendBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  action: literals(['move', 'cancel'], 'move 改约到最近的同级号源 / cancel 取消并通知'),
});
export const resumeBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 200 })) });

/** 预约规则 fields; null = not set here (inherit the institution's row or the default) */
export const ruleBody = Type.Object({
  daysAhead: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 90 }))),
  releaseTime: Type.Optional(nullable(timeSchema)),
  cutoffMinutes: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 1440 }))),
  cancelDeadlineMinutes: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 10080 }))),
  maxPerPatientDay: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 20 }))),
  maxPerPatientDepartmentDay: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 20 }))),
  maxPerPatientDoctorDay: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 20 }))),
  minAge: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 150 }))),
  maxAge: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 150 }))),
  sex: Type.Optional(nullable(literals(['male', 'female'], '仅限男性 / 仅限女性'))),
  realNameRequired: Type.Optional(nullable(Type.Boolean())),
  noshowLimit: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 100 }))),
  noshowWindowDays: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 3650 }))),
  noshowBlockDays: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 3650 }))),
  reserveReleaseMinutes: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 20160 }))),
  addOnPolicy: Type.Optional(nullable(literals(['none', 'doctor', 'doctor_and_desk'], '加号策略'))),
  addOnMax: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
  holdMinutes: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
});
