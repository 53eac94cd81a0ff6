import { withTransaction, type Kernel } from '@kangyun/kernel';
import type { Modality } from '../constants.js';
import type { ExamFlag, ExamRuleKind, PatientClass } from './types.js';

interface DemoItem {
  code: string;
  name: string;
  modality: Modality;
  dept: string;
  minutes: number;
  preparation: string;
  fasting?: boolean;
  contrast?: boolean;
  morningOnly?: boolean;
}

/** 示例市第一人民医院 exam catalogue: common outpatient exams with realistic durations and preparation */
export const DEMO_EXAM_ITEMS: DemoItem[] = [
  { code: 'US-ABD', name: '腹部彩超（肝胆胰脾）', modality: 'US', dept: 'H001-US', minutes: 20, fasting: true,
    preparation: '检查前一天晚餐清淡，检查前空腹 8 小时（禁食禁水）；同日做胃镜或钡餐者，请先做腹部彩超。' },
  { code: 'US-URO', name: '泌尿系彩超', modality: 'US', dept: 'H001-US', minutes: 20,
    preparation: '检查前 1–2 小时饮水 500–1000 毫升，憋尿至膀胱充盈后检查，检查前不要排尿。' },
  { code: 'US-THY', name: '甲状腺彩超', modality: 'US', dept: 'H001-US', minutes: 15, preparation: '无需空腹；穿低领上衣，去除颈部饰物。' },
  { code: 'US-ECHO', name: '心脏彩超（超声心动图）', modality: 'US', dept: 'H001-US', minutes: 30, preparation: '无需空腹；检查前静息 5 分钟。' },
  { code: 'DR-CHEST', name: '胸部 DR 正侧位', modality: 'DR', dept: 'H001-RAD', minutes: 10,
    preparation: '去除颈胸部金属饰品、带金属的内衣和手机；孕妇或可能怀孕者请提前告知。' },
  { code: 'DR-UGI', name: '上消化道钡餐造影', modality: 'DR', dept: 'H001-RAD', minutes: 30, fasting: true,
    preparation: '检查前空腹 6–8 小时；检查前 3 天停服含钙、铁、铋的药物；检查后多饮水帮助钡剂排出。' },
  { code: 'CT-HEAD', name: '头颅 CT 平扫', modality: 'CT', dept: 'H001-RAD', minutes: 10, preparation: '去除发夹、耳环、活动义齿等头部金属物品。' },
  { code: 'CT-CHEST', name: '胸部 CT 平扫', modality: 'CT', dept: 'H001-RAD', minutes: 10, preparation: '去除胸部金属物品；检查时按提示屏气。' },
  { code: 'CT-ABD-C', name: '上腹部 CT 增强', modality: 'CT', dept: 'H001-RAD', minutes: 20, fasting: true, contrast: true,
    preparation: '检查前空腹 4–6 小时；需静脉注射碘对比剂，请携带近期肾功能结果；有碘过敏史、甲亢或正服用二甲双胍者请提前告知；检查后多饮水。' },
  { code: 'MRI-HEAD', name: '头颅 MRI 平扫', modality: 'MRI', dept: 'H001-RAD', minutes: 30,
    preparation: '体内有心脏起搏器、金属植入物、动脉瘤夹者请提前告知；去除身上所有金属物品、磁卡和手机。' },
  { code: 'MRI-HEAD-C', name: '头颅 MRI 增强', modality: 'MRI', dept: 'H001-RAD', minutes: 40, contrast: true,
    preparation: '同 MRI 平扫注意事项；需静脉注射钆对比剂，请携带近期肾功能结果。' },
  { code: 'ECG-12', name: '常规十二导联心电图', modality: 'ECG', dept: 'H001-ECG', minutes: 10, preparation: '检查前静坐休息 5 分钟；穿宽松、易解开的上衣。' },
  { code: 'ENDO-GAS', name: '胃镜（无痛）', modality: 'ENDO', dept: 'H001-END', minutes: 30, fasting: true, morningOnly: true,
    preparation: '检查前空腹 8 小时、禁水 4 小时；无痛胃镜须家属陪同，检查当日不得驾车；服用抗凝药者请提前告知医生。' },
  { code: 'ENDO-COL', name: '肠镜（无痛）', modality: 'ENDO', dept: 'H001-END', minutes: 40, fasting: true,
    preparation: '检查前 1 天低渣饮食；按医嘱服用聚乙二醇电解质散做肠道准备，至排出清水样便；检查前空腹；须家属陪同。' },
];

type Side = { item: string } | { modality: Modality } | { flag: ExamFlag };
interface DemoRule {
  kind: ExamRuleKind;
  a: Side;
  b?: Side;
  sameDay?: boolean;
  gap?: number;
  patientClass?: PatientClass;
  from?: string;
  to?: string;
  description: string;
}

/** 检查预约规则库 of the demo hospital */
export const DEMO_EXAM_RULES: DemoRule[] = [
  { kind: 'order', a: { item: 'US-ABD' }, b: { item: 'ENDO-GAS' }, sameDay: true, description: '腹部超声须在胃镜之前（胃镜注气影响超声观察）' },
  { kind: 'order', a: { item: 'US-ABD' }, b: { item: 'DR-UGI' }, description: '腹部超声须在钡餐造影之前（钡剂残留影响超声）' },
  { kind: 'different_day', a: { item: 'DR-UGI' }, b: { item: 'CT-ABD-C' }, description: '钡餐造影与腹部 CT 不能同日（钡剂伪影影响 CT）' },
  { kind: 'min_interval', a: { flag: 'contrast' }, b: { flag: 'contrast' }, gap: 24 * 60, description: '两项增强（对比剂）检查至少间隔 24 小时' },
  { kind: 'same_visit', a: { item: 'ENDO-GAS' }, b: { item: 'ENDO-COL' }, description: '胃镜与肠镜可同次检查（一次麻醉）' },
  { kind: 'morning_only', a: { flag: 'fasting' }, description: '空腹检查须安排在上午' },
  { kind: 'priority', a: { modality: 'CT' }, patientClass: 'inpatient', from: '08:00', to: '09:00', description: 'CT 每日 8:00–9:00 优先安排住院患者' },
];

/**
 * The demo exam catalogue and rules library of 示例市第一人民医院, and per-patient limits for its
 * medical-technology departments that let an order set share one day (the institution default of
 * one booking per department and day is meant for clinics). Idempotent: runs again without harm.
 */
export async function seedExamsDemo(kernel: Kernel): Promise<void> {
  await withTransaction(kernel.pool, async (db) => {
    const units = new Map((await db.query<{ code: string; id: number; institution_id: number | null }>(
      `SELECT code, id, institution_id FROM org_unit WHERE code LIKE 'H001%'`)).rows.map((r) => [r.code, r]));
    const h001 = units.get('H001');
    if (!h001) return;
    for (const it of DEMO_EXAM_ITEMS) {
      await db.query(
        `INSERT INTO exam_item (institution_id, code, name, modality, department_id, duration_minutes, preparation, fasting, contrast, morning_only)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (institution_id, code) DO NOTHING`,
        [h001.id, it.code, it.name, it.modality, units.get(it.dept)?.id ?? null, it.minutes, it.preparation, it.fasting ?? false, it.contrast ?? false, it.morningOnly ?? false]);
    }
    const { rows: existing } = await db.query('SELECT 1 FROM exam_rule WHERE institution_id = $1 LIMIT 1', [h001.id]);
    if (!existing[0]) {
      const items = new Map((await db.query<{ code: string; id: number }>('SELECT code, id FROM exam_item WHERE institution_id = $1', [h001.id])).rows.map((r) => [r.code, r.id]));
      const cols = (s: Side | undefined) => [s && 'item' in s ? items.get(s.item) : null, s && 'modality' in s ? s.modality : null, s && 'flag' in s ? s.flag : null];
      for (const r of DEMO_EXAM_RULES) {
        await db.query(
          `INSERT INTO exam_rule (institution_id, kind, a_item_id, a_modality, a_flag, b_item_id, b_modality, b_flag, same_day, min_gap_minutes,
             patient_class, time_from, time_to, description)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [h001.id, r.kind, ...cols(r.a), ...cols(r.b), r.sameDay ?? false, r.gap ?? 0, r.patientClass ?? null, r.from ?? null, r.to ?? null, r.description]);
      }
    }
    for (const code of ['H001-US', 'H001-RAD', 'H001-ECG', 'H001-END']) {
      const dept = units.get(code);
      if (!dept) continue;
      await db.query(
        `INSERT INTO sched_booking_rule (institution_id, department_id, max_per_patient_day, max_per_patient_department_day, max_per_patient_doctor_day)
         VALUES ($1, $2, 6, 4, 4)
         ON CONFLICT (institution_id, department_id) DO UPDATE SET
           max_per_patient_day = COALESCE(sched_booking_rule.max_per_patient_day, EXCLUDED.max_per_patient_day),
           max_per_patient_department_day = COALESCE(sched_booking_rule.max_per_patient_department_day, EXCLUDED.max_per_patient_department_day),
           max_per_patient_doctor_day = COALESCE(sched_booking_rule.max_per_patient_doctor_day, EXCLUDED.max_per_patient_doctor_day)`,
        [h001.id, dept.id]);
    }
  });
}
