import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AppError, sendTable, type ExportColumn, type Kernel, type Lang } from '@kangyun/kernel';
import { CHANNEL_LABELS, HOSPITAL_TZ, type Channel } from '../constants.js';
import { searchAppointments } from '../booking/search.js';
import type { AppointmentView } from '../booking/types.js';

/** a desk's day never comes near this; more would be a mistake in the filter */
export const DAY_LIST_MAX = 5000;

const STATUS: Record<string, { zh: string; en: string }> = {
  held: { zh: '锁号中', en: 'On hold' },
  booked: { zh: '已预约', en: 'Booked' },
  checked_in: { zh: '已签到', en: 'Checked in' },
  fulfilled: { zh: '已就诊', en: 'Seen' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  noshow: { zh: '爽约', en: 'No-show' },
  expired: { zh: '已失效', en: 'Expired' },
};
const LEVEL: Record<string, { zh: string; en: string }> = { general: { zh: '普通', en: 'General' }, expert: { zh: '专家', en: 'Expert' }, special: { zh: '特需', en: 'Special' } };

const COLUMNS: { key: string; zh: string; en: string; width?: number }[] = [
  { key: 'time', zh: '时段', en: 'Time', width: 14 },
  { key: 'seq', zh: '号序', en: 'No.' },
  { key: 'patientName', zh: '患者', en: 'Patient' },
  { key: 'patientId', zh: '患者ID', en: 'Patient ID' },
  { key: 'departmentName', zh: '科室', en: 'Department', width: 16 },
  { key: 'resourceName', zh: '医生/检查资源', en: 'Doctor / resource', width: 28 },
  { key: 'level', zh: '号别', en: 'Level' },
  { key: 'room', zh: '诊室', en: 'Room', width: 20 },
  { key: 'channel', zh: '预约渠道', en: 'Channel' },
  { key: 'status', zh: '状态', en: 'Status' },
  { key: 'addOn', zh: '加号', en: 'Add-on' },
  { key: 'createdAt', zh: '预约时间', en: 'Booked at', width: 18 },
];

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('sv-SE', { timeZone: HOSPITAL_TZ, hour: '2-digit', minute: '2-digit' });
const stamp = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: HOSPITAL_TZ }).slice(0, 16);

export function dayListRow(a: AppointmentView, lang: Lang): Record<string, unknown> {
  return {
    time: `${hhmm(a.startsAt)}-${hhmm(a.endsAt)}`,
    seq: a.seq,
    patientName: a.patientName,
    patientId: a.patientId,
    departmentName: a.departmentName,
    resourceName: a.resourceName,
    level: a.clinicLevel ? LEVEL[a.clinicLevel]?.[lang] ?? a.clinicLevel : '',
    room: a.room,
    channel: CHANNEL_LABELS[a.channel as Channel]?.[lang] ?? a.channel,
    status: STATUS[a.status]?.[lang] ?? a.status,
    addOn: a.addOn ? (lang === 'zh' ? '是' : 'yes') : '',
    createdAt: stamp(a.createdAt),
  };
}

/**
 * The desk's day list (一日预约清单) as Excel/CSV: the appointments of a day (optionally one
 * department) in time and number order, read under row-level security, patient names masked;
 * the export is audited per patient as a list read is.
 */
export function dayListRoutes(app: FastifyInstance, kernel: Kernel): void {
  app.get('/api/scheduling/stats/day-list', {
    config: { permission: 'appointment.read' },
    schema: {
      tags: ['预约 Appointments'],
      summary: '导出一日预约清单（Excel/CSV；按科室；患者姓名脱敏）',
      querystring: Type.Object({
        date: Type.String({ format: 'date' }),
        departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
        format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
      }),
    },
  }, async (req, reply) => {
    const ctx = req.ctx!;
    const q = req.query as { date: string; departmentId?: number; format: 'xlsx' | 'csv' };
    const items = await kernel.scoped(ctx, async (db) => {
      const found = await searchAppointments(db, { date: q.date, departmentId: q.departmentId }, DAY_LIST_MAX + 1, 0);
      if (found.items.length > DAY_LIST_MAX) return null;
      const patients = [...new Set(found.items.map((a) => a.patientId))];
      if (patients.length) {
        await kernel.audit(db, ctx, patients.map((patientId) => ({
          action: 'appointment.export', entityType: 'Patient', entityId: patientId, patientId, detail: { date: q.date, departmentId: q.departmentId ?? null, format: q.format },
        })));
      }
      return found.items;
    });
    if (!items) throw new AppError(422, 'export_too_many', 'scheduling.day_list_too_many', { max: DAY_LIST_MAX });
    items.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.resourceName.localeCompare(b.resourceName, 'zh') || a.seq - b.seq);
    const lang = ctx.request.lang;
    const columns: ExportColumn[] = COLUMNS.map((c) => ({ key: c.key, header: c[lang], width: c.width }));
    const title = `${lang === 'zh' ? '预约清单' : 'Appointments'}-${q.date}`;
    return sendTable(reply, q.format, title, columns, items.map((a) => dayListRow(a, lang)));
  });
}
