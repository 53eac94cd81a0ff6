import type { Kernel, ScopedClient } from '@kangyun/kernel';
import type { ExamAppointmentView } from './exam-view.js';
import { localClock } from './time-grid.js';
import { smsAddress } from '../booking/notices.js';

export type ExamNoticeKind = 'appointment.booked' | 'appointment.rescheduled';

/** what the patient must do before the exams, one line per item that needs something */
export function preparationText(a: Pick<ExamAppointmentView, 'examItems'>): string {
  const lines = a.examItems.filter((i) => i.preparation.trim()).map((i) => `${i.name}：${i.preparation.trim()}`);
  return lines.length ? lines.join('；') : '无特殊准备';
}

/** the patient-facing text (patients read Chinese): when, where, which exams and how to prepare */
export function examNoticeText(kind: ExamNoticeKind, a: ExamAppointmentView): { title: string; body: string } {
  const when = `${a.serviceDate} ${localClock(Date.parse(a.startsAt))}`;
  const where = `${a.institutionName} ${a.departmentName} ${a.room ?? a.resourceName}`;
  const what = a.examItems.map((i) => i.name).join('、');
  const head = kind === 'appointment.booked' ? '您已预约' : '您的检查已改约为';
  return {
    title: kind === 'appointment.booked' ? '检查预约成功' : '检查预约已改期',
    body: `${head} ${when} 在 ${where} 做${what}（第 ${a.seq} 号）。检查前准备：${preparationText(a)}。请提前 15 分钟到达签到。`,
  };
}

/**
 * Queues the exam notice in the booking's transaction, like the clinic notices (booking/notices.ts),
 * with the preparation instructions added: a patient who fasts or fills the bladder must know in time.
 */
export async function examNotice(kernel: Kernel, db: ScopedClient, a: ExamAppointmentView, kind: ExamNoticeKind, mobileEnc?: string | null): Promise<void> {
  const text = examNoticeText(kind, a);
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
    params: { appointmentId: a.id, examItemIds: a.examItems.map((i) => i.id) },
  }]);
}
