import type { ExportColumn, Lang } from '@kangyun/kernel';
import type { AuditDbRow } from '../query/rows.js';

const COLUMNS: { key: string; zh: string; en: string; width?: number }[] = [
  { key: 'at', zh: '时间（北京时间）', en: 'Time (UTC+8)', width: 24 },
  { key: 'seq', zh: '链序号', en: 'Chain seq' },
  { key: 'username', zh: '用户', en: 'User' },
  { key: 'userId', zh: '账号ID', en: 'Account id' },
  { key: 'institutionName', zh: '机构', en: 'Institution', width: 28 },
  { key: 'role', zh: '角色', en: 'Role' },
  { key: 'action', zh: '操作', en: 'Action', width: 22 },
  { key: 'entityType', zh: '对象类型', en: 'Entity type' },
  { key: 'entityId', zh: '对象ID', en: 'Entity id' },
  { key: 'patientId', zh: '患者ID', en: 'Patient id' },
  { key: 'outcome', zh: '结果', en: 'Outcome' },
  { key: 'ip', zh: 'IP地址', en: 'IP address', width: 16 },
  { key: 'userAgent', zh: '客户端', en: 'User agent', width: 30 },
  { key: 'detail', zh: '详情', en: 'Detail', width: 60 },
];

export function exportColumns(lang: Lang): ExportColumn[] {
  return COLUMNS.map((c) => ({ key: c.key, header: c[lang], width: c.width }));
}

const OUTCOME = { success: { zh: '成功', en: 'success' }, failure: { zh: '失败', en: 'failure' } };

/** 'YYYY-MM-DD HH:mm:ss.SSS' in China Standard Time: what staff read on their clocks */
export function cstText(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
}

export function exportRow(r: AuditDbRow, lang: Lang): Record<string, unknown> {
  return {
    at: cstText(r.at),
    seq: r.seq,
    username: r.actor_name,
    userId: r.actor_id,
    institutionName: r.institution_name ?? r.institution_id,
    role: (lang === 'en' ? r.role_name_en : r.role_name_zh) ?? r.role_code,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientId: r.patient_id,
    outcome: OUTCOME[r.outcome][lang],
    ip: r.ip,
    userAgent: r.user_agent,
    detail: r.detail,
  };
}
