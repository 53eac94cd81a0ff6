import type { ExportColumn, Lang } from '@kangyun/kernel';
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../constants.js';
import type { StatsReport } from './report.js';

/** the statistics tables that can be read on their own and exported */
export const STATS_TABLES = ['daily', 'channels', 'departments', 'utilisation', 'resources'] as const;
export type StatsTable = (typeof STATS_TABLES)[number];

type L = { zh: string; en: string };
const col = (key: string, label: L, width?: number) => ({ key, label, width });

const COUNTERS = [
  col('bookings', { zh: '预约数', en: 'Bookings' }),
  col('cancelled', { zh: '取消数', en: 'Cancelled' }),
  col('noshow', { zh: '爽约数', en: 'No-shows' }),
  col('attended', { zh: '到诊数', en: 'Attended' }),
  col('cancelRate', { zh: '取消率（%）', en: 'Cancellation rate (%)' }),
  col('noshowRate', { zh: '爽约率（%）', en: 'No-show rate (%)' }),
];
const CAPACITY = [
  col('sessions', { zh: '出诊单元数', en: 'Sessions' }),
  col('capacity', { zh: '号源总数', en: 'Capacity' }),
  col('used', { zh: '已用号数', en: 'Numbers used' }),
  col('utilisation', { zh: '号源利用率（%）', en: 'Utilisation (%)' }),
];

const TITLES: Record<StatsTable, L> = {
  daily: { zh: '预约统计-按日', en: 'Bookings by day' },
  channels: { zh: '预约统计-按渠道', en: 'Bookings by channel' },
  departments: { zh: '预约统计-按科室', en: 'Bookings by department' },
  utilisation: { zh: '号源利用率-科室按日', en: 'Utilisation by department and day' },
  resources: { zh: '号源利用率-按出诊资源', en: 'Utilisation by resource' },
};

const KIND: Record<string, L> = { clinic: { zh: '门诊', en: 'Clinic' }, exam: { zh: '检查', en: 'Exam' } };
const LEVEL: Record<string, L> = { general: { zh: '普通', en: 'General' }, expert: { zh: '专家', en: 'Expert' }, special: { zh: '特需', en: 'Special' } };

function columns(table: StatsTable): { key: string; label: L; width?: number }[] {
  switch (table) {
    case 'daily':
      return [col('day', { zh: '日期', en: 'Date' }, 12), col('bookings', { zh: '预约数', en: 'Bookings' }),
        ...CHANNELS.map((c) => col(`channel_${c}`, CHANNEL_LABELS[c])), ...COUNTERS.slice(1), ...CAPACITY];
    case 'channels':
      return [col('channelName', { zh: '预约渠道', en: 'Channel' }, 16), col('bookings', { zh: '预约数', en: 'Bookings' }),
        col('share', { zh: '占比（%）', en: 'Share (%)' }), ...COUNTERS.slice(1)];
    case 'departments':
      return [col('departmentName', { zh: '科室', en: 'Department' }, 18), ...COUNTERS, ...CAPACITY];
    case 'utilisation':
      return [col('departmentName', { zh: '科室', en: 'Department' }, 18), col('day', { zh: '日期', en: 'Date' }, 12), ...CAPACITY];
    case 'resources':
      return [col('departmentName', { zh: '科室', en: 'Department' }, 18), col('resourceName', { zh: '出诊资源', en: 'Resource' }, 28),
        col('kindName', { zh: '类型', en: 'Type' }), col('levelName', { zh: '号别/设备', en: 'Level / modality' }), ...COUNTERS, ...CAPACITY];
  }
}

const pct = (v: unknown) => (typeof v === 'number' ? Math.round(v * 10_000) / 100 : null);
const RATE_KEYS = new Set(['cancelRate', 'noshowRate', 'utilisation', 'share']);

/** the rows of one table, flattened for a spreadsheet (rates as percentages, codes as words) */
export function tableRows(report: StatsReport, table: StatsTable, lang: Lang): Record<string, unknown>[] {
  const rows = ((): object[] => {
    switch (table) {
      case 'daily': return report.daily.map(({ byChannel, ...r }) => ({ ...r, ...Object.fromEntries(CHANNELS.map((c) => [`channel_${c}`, byChannel[c]])) }));
      case 'channels': return report.channels.map((r) => ({ ...r, channelName: CHANNEL_LABELS[r.channel as Channel][lang] }));
      case 'departments': return report.departments;
      case 'utilisation': return report.utilisation;
      case 'resources': return report.resources.map((r) => ({
        ...r, kindName: KIND[r.kind]?.[lang] ?? r.kind, levelName: r.clinicLevel ? LEVEL[r.clinicLevel]?.[lang] ?? r.clinicLevel : r.modality,
      }));
    }
  })();
  return rows.map((r) => Object.fromEntries(Object.entries(r as Record<string, unknown>).map(([k, v]) => [k, RATE_KEYS.has(k) ? pct(v) : v])));
}

/** JSON of one table as the API returns it (the report's own shape) */
export function tableJson(report: StatsReport, table: StatsTable): unknown[] {
  return report[table];
}

export function exportColumns(table: StatsTable, lang: Lang): ExportColumn[] {
  return columns(table).map((c) => ({ key: c.key, header: c.label[lang], width: c.width }));
}

export function tableTitle(table: StatsTable, lang: Lang): string {
  return TITLES[table][lang];
}
