import type { Kernel, ScopedClient } from '@kangyun/kernel';
import type { AppointmentView } from './types.js';

export type NoticeKind = 'appointment.booked' | 'appointment.cancelled' | 'appointment.rescheduled' | 'appointment.reminder'
  | 'appointment.substituted' | 'appointment.suspended' | 'appointment.waitlist_booked';

const PERIOD_ZH: Record<string, string> = { am: '上午', pm: '下午', night: '夜间', day: '全天' };

/** HH:MM at the hospital (UTC+8); plain arithmetic, as ICU formatting costs more than the booking's own SQL */
function localHhmm(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function when(a: AppointmentView): string {
  const t = localHhmm(a.startsAt);
  return `${a.serviceDate} ${PERIOD_ZH[a.period] ?? ''} ${t}`;
}

/** the patient-facing text of each notice (patients read Chinese) */
export function noticeText(kind: NoticeKind, a: AppointmentView, extra: Record<string, string> = {}): { title: string; body: string } {
  const what = `${a.institutionName} ${a.departmentName} ${a.practitionerName ?? a.resourceName}`;
  switch (kind) {
    case 'appointment.booked':
      return { title: '预约成功', body: `您已预约 ${when(a)} ${what} 第 ${a.seq} 号，请于就诊当日按时签到。` };
    case 'appointment.waitlist_booked':
      return { title: '候补成功', body: `您候补的 ${when(a)} ${what} 已为您预约第 ${a.seq} 号，请按时就诊。` };
    case 'appointment.cancelled':
      return { title: '预约已取消', body: `您 ${when(a)} ${what} 第 ${a.seq} 号的预约已取消。` };
    case 'appointment.rescheduled':
      return { title: '预约已改期', body: `您的预约已改为 ${when(a)} ${what} 第 ${a.seq} 号。` };
    case 'appointment.reminder':
      return { title: '就诊提醒', body: `温馨提示：您明天（${when(a)}）在 ${what} 有预约，第 ${a.seq} 号，请按时签到。` };
    case 'appointment.substituted':
      return { title: '替诊通知', body: `您 ${when(a)} 的 ${a.departmentName} 门诊改由 ${extra.substitute ?? ''} 医生接诊，预约号不变。` };
    case 'appointment.suspended':
      return { title: '停诊通知', body: `很抱歉，${when(a)} ${what} 停诊（${extra.reason ?? '医生临时停诊'}）。${extra.outcome ?? ''}` };
  }
}

/**
 * The patient's mobile number (still encrypted) for an SMS notice, or null when the institution has
 * no SMS gateway configured (the notifications module's table): then the in-app message is all.
 */
export async function smsAddress(db: ScopedClient, patientId: number, institutionId: number): Promise<string | null> {
  const { rows } = await db.query({
    name: 'scheduling.patient-mobile',
    text: `SELECT f.mobile_enc FROM sched_patient_facts($1) f
           WHERE EXISTS (SELECT 1 FROM notification_provider np WHERE np.institution_id = $2 AND np.channel = 'sms' AND np.enabled)`,
    values: [patientId, institutionId],
  });
  return (rows[0]?.mobile_enc as string | null | undefined) ?? null;
}

/**
 * Queues the patient's notice in the same transaction as the change it announces; delivery
 * (in-app, SMS, WeChat) happens later from the outbox and never holds up the booking.
 */
export async function bookingNotice(kernel: Kernel, db: ScopedClient, a: AppointmentView, kind: NoticeKind, extra: Record<string, string> = {}, dedupeKey?: string,
  mobileEnc?: string | null): Promise<void> {
  const text = noticeText(kind, a, extra);
  const mobile = mobileEnc === undefined ? await smsAddress(db, a.patientId, a.institutionId) : mobileEnc;
  await kernel.notify(db, [{
    institutionId: a.institutionId,
    recipient: { kind: 'patient', patientId: a.patientId },
    channels: mobile ? ['sms'] : [],
    toEncrypted: mobile ? { sms: mobile } : undefined,
    kind,
    title: text.title,
    body: text.body,
    link: `/m/appointments/${a.id}`,
    params: { appointmentId: a.id },
    dedupeKey,
  }]);
}
