import type { ExportColumn, Lang } from '@kangyun/kernel';
import type { SessionSummary } from '../sessions/read-sessions.js';
import { localTime } from './dates.js';

const PERIOD = { am: ['上午', 'AM'], pm: ['下午', 'PM'], night: ['夜间', 'Night'], day: ['全天', 'All day'] } as Record<string, [string, string]>;
const LEVEL = { general: ['普通', 'General'], expert: ['专家', 'Expert'], special: ['特需', 'Special'] } as Record<string, [string, string]>;
const STATUS = { open: ['出诊', 'Open'], suspended: ['停诊', 'Suspended'], cancelled: ['已取消', 'Cancelled'] } as Record<string, [string, string]>;
const SOURCE = { plan: ['计划排班', 'Planned'], temporary: ['临时排班', 'Temporary'] } as Record<string, [string, string]>;

/** the session list as a table for Excel/CSV, headers and codes in the caller's language */
export function sessionExport(sessions: SessionSummary[], lang: Lang): { title: string; columns: ExportColumn[]; rows: Record<string, unknown>[] } {
  const i = lang === 'zh' ? 0 : 1;
  const pick = (map: Record<string, [string, string]>, v: string | null) => (v ? map[v]?.[i] ?? v : '');
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const columns: ExportColumn[] = [
    { header: h('日期', 'Date'), key: 'date' },
    { header: h('时段', 'Period'), key: 'period', width: 8 },
    { header: h('时间', 'Time'), key: 'time' },
    { header: h('科室', 'Department'), key: 'department', width: 16 },
    { header: h('出诊资源', 'Resource'), key: 'resource', width: 28 },
    { header: h('医生', 'Doctor'), key: 'doctor' },
    { header: h('号别', 'Level'), key: 'level', width: 8 },
    { header: h('诊室', 'Room'), key: 'room', width: 22 },
    { header: h('状态', 'Status'), key: 'status', width: 8 },
    { header: h('停诊原因', 'Reason'), key: 'reason', width: 16 },
    { header: h('来源', 'Source'), key: 'source', width: 10 },
    { header: h('号源数', 'Capacity'), key: 'capacity', width: 8 },
    { header: h('已约', 'Booked'), key: 'booked', width: 8 },
    { header: h('余号', 'Free'), key: 'free', width: 8 },
    { header: h('候补', 'Waiting'), key: 'waiting', width: 8 },
    { header: h('诊查费', 'Fee'), key: 'fee', width: 8 },
  ];
  const rows = sessions.map((s) => ({
    date: s.serviceDate, period: pick(PERIOD, s.period), time: `${localTime(s.startsAt)}–${localTime(s.endsAt)}`,
    department: s.departmentName, resource: s.resourceName,
    doctor: s.practitionerName ? `${s.practitionerName}${s.substitutedFrom ? h('（替诊）', ' (substitute)') : ''}` : '',
    level: pick(LEVEL, s.clinicLevel), room: s.room ?? '', status: pick(STATUS, s.status), reason: s.statusReason ?? '', source: pick(SOURCE, s.source),
    capacity: s.capacity, booked: s.booked, free: s.free, waiting: s.waiting, fee: s.fee,
  }));
  return { title: h('出诊排班', 'sessions'), columns, rows };
}
