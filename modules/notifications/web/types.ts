export type Channel = 'inapp' | 'sms' | 'wechat';
export type ExternalChannel = Exclude<Channel, 'inapp'>;
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead' | 'cancelled';

export interface Delivery {
  id: number;
  institutionId: number;
  institutionName: string | null;
  recipientKind: 'patient' | 'staff';
  patientId: number | null;
  accountId: number | null;
  accountName: string | null;
  channel: Channel;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  errorText: string | null;
  providerRef: string | null;
  destination: string | null;
  createdAt: string;
  sentAt: string | null;
  readAt: string | null;
}

export interface Provider {
  channel: ExternalChannel;
  institutionId: number;
  configured: boolean;
  url: string | null;
  enabled: boolean;
  timeoutMs: number;
  hasKey: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface ProviderInput {
  url: string;
  apiKey?: string;
  enabled: boolean;
  timeoutMs: number;
}

export interface TestResult {
  ok: boolean;
  status: number | null;
  providerRef?: string | null;
  error?: string | null;
  elapsedMs: number;
  enabled: boolean;
}

export interface InboxMessage {
  id: number;
  institutionId: number;
  institutionName: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxMessage[];
  total: number;
  unread: number;
}
