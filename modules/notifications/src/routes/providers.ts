import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AppError, fieldError, forbidden, invalid, t, type Actor, type ExternalChannel, type Kernel } from '@kangyun/kernel';
import { describeError, errorText } from '../delivery/errors.js';
import { postToGateway } from '../delivery/gateway.js';
import { maskDestination } from '../mask.js';
import type { DeliveryOptions } from '../options.js';
import { loadProvider, saveProvider, type ProviderRow } from '../providers/store.js';
import { TAGS } from './tags.js';

const CHANNELS: ExternalChannel[] = ['sms', 'wechat'];
const channelParams = Type.Object({ channel: Type.Union([Type.Literal('sms'), Type.Literal('wechat')]) });
const institutionQuery = Type.Object({
  institutionId: Type.Optional(Type.Integer({ minimum: 1, description: '默认为当前机构；区域权限的用户可指定本区域内机构 / default: the current institution' })),
});
const providerBody = Type.Object({
  url: Type.String({ minLength: 8, maxLength: 1000, pattern: '^https?://\\S+$', description: '网关地址（医院内网），http:// 或 https:// / gateway URL' }),
  apiKey: Type.Optional(Type.String({ maxLength: 500, description: '不传则保留原密钥，传空字符串则清除 / omit to keep the stored key, "" to remove it' })),
  enabled: Type.Boolean(),
  timeoutMs: Type.Integer({ minimum: 500, maximum: 30_000, default: 5000 }),
});
const testBody = Type.Object({
  destination: Type.String({ minLength: 1, maxLength: 100, description: '测试接收号码（短信为手机号，微信为 OpenID） / test destination' }),
});

/** The institution whose providers the caller works on: their own, or one of their region at region scope. */
function targetInstitution(actor: Actor, requested: number | undefined): number {
  const id = requested ?? actor.institutionId;
  if (id !== actor.institutionId && !(actor.scope === 'region' && actor.regionInstitutions.includes(id))) {
    throw forbidden('notification.institution_out_of_scope');
  }
  return id;
}

/** What the API shows of a provider: never the key, only whether one is set. */
function toApi(channel: ExternalChannel, institutionId: number, p: ProviderRow | null) {
  return {
    channel,
    institutionId,
    configured: !!p,
    url: p?.url ?? null,
    enabled: p?.enabled ?? false,
    timeoutMs: p?.timeout_ms ?? 5000,
    hasKey: !!p?.key_enc,
    updatedAt: p?.updated_at ?? null,
    updatedBy: p?.updated_by_name ?? null,
  };
}

function checkUrl(url: string): void {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw invalid([fieldError('url', 'format', 'notification.invalid_url')]);
  }
}

/** Institution administrators point SMS and WeChat at their gateways; the key goes in and never comes out. */
export function providerRoutes(app: FastifyInstance, kernel: Kernel, options: Pick<DeliveryOptions, 'fetch'>): void {
  app.get('/api/notifications/providers', {
    config: { permission: 'notification.admin' },
    schema: { tags: TAGS, summary: '本机构的短信与微信服务商设置（不返回密钥，只说明是否已设置）', querystring: institutionQuery },
  }, async (req) => {
    const ctx = req.ctx!;
    const inst = targetInstitution(ctx.actor, (req.query as Static<typeof institutionQuery>).institutionId);
    return kernel.scoped(ctx, async (db) => {
      const found = await Promise.all(CHANNELS.map((c) => loadProvider(db, inst, c)));
      return CHANNELS.map((c, i) => toApi(c, inst, found[i]));
    });
  });

  app.get('/api/notifications/providers/:channel', {
    config: { permission: 'notification.admin' },
    schema: { tags: TAGS, summary: '一个通道的服务商设置（不返回密钥）', params: channelParams, querystring: institutionQuery },
  }, async (req) => {
    const ctx = req.ctx!;
    const { channel } = req.params as Static<typeof channelParams>;
    const inst = targetInstitution(ctx.actor, (req.query as Static<typeof institutionQuery>).institutionId);
    return kernel.scoped(ctx, async (db) => toApi(channel, inst, await loadProvider(db, inst, channel)));
  });

  app.put('/api/notifications/providers/:channel', {
    config: { permission: 'notification.admin' },
    schema: { tags: TAGS, summary: '保存一个通道的服务商设置（密钥加密保存）', params: channelParams, querystring: institutionQuery, body: providerBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { channel } = req.params as Static<typeof channelParams>;
    const body = req.body as Static<typeof providerBody>;
    checkUrl(body.url);
    const inst = targetInstitution(ctx.actor, (req.query as Static<typeof institutionQuery>).institutionId);
    return kernel.scoped(ctx, async (db) => {
      await saveProvider(db, kernel.crypto, inst, channel, body, ctx.actor.accountId);
      await kernel.audit(db, ctx, {
        action: 'notification.provider_update', entityType: 'notification_provider', entityId: `${inst}:${channel}`,
        detail: { channel, institutionId: inst, url: body.url, enabled: body.enabled, timeoutMs: body.timeoutMs, key: body.apiKey === undefined ? 'kept' : body.apiKey === '' ? 'removed' : 'replaced' },
      });
      return toApi(channel, inst, await loadProvider(db, inst, channel));
    });
  });

  app.post('/api/notifications/providers/:channel/test', {
    config: { permission: 'notification.admin' },
    schema: { tags: TAGS, summary: '用已保存的设置立即发送一条测试消息，并返回服务商的应答', params: channelParams, querystring: institutionQuery, body: testBody },
  }, async (req) => {
    const ctx = req.ctx!;
    const { channel } = req.params as Static<typeof channelParams>;
    const { destination } = req.body as Static<typeof testBody>;
    const inst = targetInstitution(ctx.actor, (req.query as Static<typeof institutionQuery>).institutionId);
    const lang = ctx.request.lang;
    const provider = await kernel.scoped(ctx, (db) => loadProvider(db, inst, channel));
    if (!provider) throw new AppError(409, 'provider_not_configured', 'notification.provider_not_configured', { channel: t(`notification.channel.${channel}`, lang) });
    let key: string | null = null;
    let keyBroken = false;
    try {
      key = provider.key_enc ? kernel.crypto.decryptField(provider.key_enc) : null;
    } catch {
      keyBroken = true;
    }
    const channelName = t(`notification.channel.${channel}`, lang);
    // sent outside any transaction: nothing is held while the gateway answers (at most timeoutMs)
    const result = keyBroken ? { ok: false as const, status: null, error: errorText('bad_key'), elapsedMs: 0 } : await postToGateway(options.fetch, { url: provider.url, key, timeoutMs: provider.timeout_ms }, {
      id: `test-${kernel.crypto.randomToken(8)}`, channel, to: destination.trim(), title: t('notification.test_title', lang),
      body: t('notification.test_body', lang, { channel: channelName }), kind: 'notification.test', link: null,
    });
    await kernel.scoped(ctx, (db) => kernel.audit(db, ctx, {
      action: 'notification.provider_test', entityType: 'notification_provider', entityId: `${inst}:${channel}`, outcome: result.ok ? 'success' : 'failure',
      detail: { channel, institutionId: inst, destination: maskDestination(channel, destination), status: result.status, ...(result.ok ? {} : { error: result.error }) },
    }));
    return result.ok
      ? { ok: true, status: result.status, providerRef: result.providerRef, elapsedMs: result.elapsedMs, enabled: provider.enabled }
      : { ok: false, status: result.status, error: describeError(result.error, channel, lang), elapsedMs: result.elapsedMs, enabled: provider.enabled };
  });
}
