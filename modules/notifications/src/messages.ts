import type { Messages } from '@kangyun/kernel';

/** Server-side texts: errors, delivery failure reasons (shown to staff), export headings. */
export const NOTIFICATION_MESSAGES: Messages = {
  'notification.channel.inapp': { zh: '站内消息', en: 'in-app' },
  'notification.channel.sms': { zh: '短信', en: 'SMS' },
  'notification.channel.wechat': { zh: '微信', en: 'WeChat' },
  'notification.status.pending': { zh: '待发送', en: 'pending' },
  'notification.status.sent': { zh: '已发送', en: 'sent' },
  'notification.status.failed': { zh: '发送失败', en: 'failed' },
  'notification.status.dead': { zh: '已放弃', en: 'given up' },
  'notification.status.cancelled': { zh: '已取消', en: 'cancelled' },
  'notification.recipient.patient': { zh: '患者', en: 'patient' },
  'notification.recipient.staff': { zh: '职工', en: 'staff' },

  'notification.error.no_provider': {
    zh: '本机构尚未配置{channel}服务商，请在「消息通知 → 服务商设置」中配置后重发',
    en: 'No {channel} provider is configured for this institution; configure one under Notifications → Providers, then resend',
  },
  'notification.error.provider_disabled': { zh: '{channel}服务商已停用，启用后可重发', en: 'The {channel} provider is disabled; enable it, then resend' },
  'notification.error.no_address': {
    zh: '没有接收地址（短信需要手机号，微信需要 OpenID），无法发送',
    en: 'No destination (a mobile number for SMS, an OpenID for WeChat); cannot send',
  },
  'notification.error.bad_address': { zh: '接收地址无法解密（密钥不符或数据已损坏）', en: 'The destination could not be decrypted (wrong key or damaged data)' },
  'notification.error.bad_key': { zh: '服务商密钥无法解密，请重新填写密钥', en: 'The provider key could not be decrypted; enter it again' },
  'notification.error.http_status': { zh: '服务商返回错误：HTTP {detail}', en: 'The provider answered with an error: HTTP {detail}' },
  'notification.error.timeout': { zh: '服务商在 {detail} 毫秒内没有响应', en: 'The provider did not answer within {detail} ms' },
  'notification.error.network': { zh: '无法连接服务商：{detail}', en: 'Could not reach the provider: {detail}' },

  'notification.not_retryable': {
    zh: '只有“发送失败”或“已放弃”的消息可以重发',
    en: 'Only failed or given-up messages can be resent',
  },
  'notification.provider_not_configured': { zh: '尚未配置{channel}服务商', en: 'No {channel} provider is configured' },
  'notification.institution_out_of_scope': { zh: '只能设置本机构（或本区域内机构）的服务商', en: 'You can only configure providers of your institution (or of institutions in your region)' },
  'notification.invalid_url': { zh: '服务地址应为 http:// 或 https:// 开头的网址', en: 'The URL must start with http:// or https://' },
  'notification.invalid_time': {
    zh: '时间格式不正确，请使用 2026-01-31 或 2026-01-31T08:00:00+08:00 这样的格式',
    en: 'Invalid time; use 2026-01-31 or 2026-01-31T08:00:00+08:00',
  },
  'notification.export_too_many': {
    zh: '符合条件的记录超过 {max} 条，请缩小时间范围或增加筛选条件后再导出',
    en: 'More than {max} rows match; narrow the period or add filters before exporting',
  },
  'notification.export_title': { zh: '消息发送记录', en: 'notification-deliveries' },
  'notification.test_title': { zh: '康云测试消息', en: 'Kangyun test message' },
  'notification.test_body': {
    zh: '这是一条来自康云平台的测试消息，收到即表示{channel}通道配置正确。',
    en: 'A test message from the Kangyun platform: if you received it, the {channel} channel works.',
  },

  'field.url': { zh: '服务地址', en: 'URL' },
  'field.apiKey': { zh: '密钥', en: 'API key' },
  'field.timeoutMs': { zh: '超时时间', en: 'timeout' },
  'field.enabled': { zh: '启用', en: 'enabled' },
  'field.channel': { zh: '通道', en: 'channel' },
  'field.destination': { zh: '接收号码', en: 'destination' },
};
