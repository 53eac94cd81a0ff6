/** Sessions are planned in the hospital's local time; dates and times in the database are timestamptz. */
export const HOSPITAL_TZ = 'Asia/Shanghai';

export const CHANNELS = ['window', 'kiosk', 'wechat', 'phone', 'internet', 'doctor', 'referral'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 预约渠道 (zh) */
export const CHANNEL_LABELS: Record<Channel, { zh: string; en: string }> = {
  window: { zh: '窗口', en: 'Desk' },
  kiosk: { zh: '自助机', en: 'Kiosk' },
  wechat: { zh: '微信/H5', en: 'WeChat/H5' },
  phone: { zh: '电话', en: 'Phone' },
  internet: { zh: '互联网医院', en: 'Internet hospital' },
  doctor: { zh: '医生诊间预约', en: 'Doctor (in clinic)' },
  referral: { zh: '社区转诊', en: 'Community referral' },
};

/** channels a no-show block applies to (爽约限制网上预约) */
export const ONLINE_CHANNELS: readonly Channel[] = ['wechat', 'internet'];

export const PERIODS = ['am', 'pm', 'night', 'day'] as const;
export type Period = (typeof PERIODS)[number];

export const CLINIC_LEVELS = ['general', 'expert', 'special'] as const;
export type ClinicLevel = (typeof CLINIC_LEVELS)[number];

export const MODALITIES = ['US', 'DR', 'CT', 'MRI', 'ECG', 'ENDO'] as const;
export type Modality = (typeof MODALITIES)[number];

/** statuses in which an appointment holds its number or time */
export const LIVE_STATUSES = ['held', 'booked', 'checked_in', 'fulfilled'] as const;
