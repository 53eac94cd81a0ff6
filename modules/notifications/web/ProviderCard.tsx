import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Switch, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { notificationsApi } from './api';
import { notificationMessages } from './messages';
import type { Provider, TestResult } from './types';

interface FormValues {
  url: string;
  apiKey?: string;
  clearKey?: boolean;
  enabled: boolean;
  timeoutMs: number;
}

/** Settings of one channel's gateway: URL, key (write-only), enabled, timeout; plus a test message. */
export function ProviderCard({ provider, onSaved }: { provider: Provider; onSaved: (p: Provider) => void }) {
  const m = useMessages(notificationMessages);
  const { message, fail } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const channelName = m.channels[provider.channel];

  useEffect(() => {
    form.setFieldsValue({ url: provider.url ?? '', apiKey: '', clearKey: false, enabled: provider.configured ? provider.enabled : true, timeoutMs: provider.timeoutMs });
  }, [provider, form]);

  const save = async (v: FormValues) => {
    setSaving(true);
    try {
      const apiKey = v.clearKey ? '' : v.apiKey ? v.apiKey : undefined;
      const saved = await notificationsApi.saveProvider(provider.channel, { url: v.url.trim(), apiKey, enabled: v.enabled, timeoutMs: v.timeoutMs });
      message.success(m.saved);
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error).length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      variant="borderless"
      title={m.providerTitle(channelName)}
      extra={
        provider.configured ? (
          <Tag color={provider.enabled ? 'success' : 'default'}>{provider.enabled ? m.enabledOn : m.enabledOff}</Tag>
        ) : (
          <Tag>{m.notConfigured}</Tag>
        )
      }
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary">{m.providerHint[provider.channel]}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
        <Form.Item name="enabled" label={m.enabledLabel} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="url"
          label={m.url}
          rules={[
            { required: true, whitespace: true, message: m.urlRequired },
            { pattern: /^https?:\/\/\S+$/, message: m.urlInvalid },
          ]}
        >
          <Input placeholder={m.urlPlaceholder} autoComplete="off" />
        </Form.Item>
        <Form.Item name="apiKey" label={m.apiKey} extra={m.keyHelp}>
          <Input.Password placeholder={provider.hasKey ? m.keySet : m.keyNotSet} autoComplete="new-password" />
        </Form.Item>
        {provider.hasKey ? (
          <Form.Item name="clearKey" valuePropName="checked" style={{ marginTop: -12 }}>
            <Checkbox>{m.clearKey}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="timeoutMs" label={m.timeout} extra={m.timeoutHelp} rules={[{ required: true }]}>
          <InputNumber min={500} max={30000} step={500} precision={0} suffix={m.timeoutUnit} style={{ width: 200 }} />
        </Form.Item>
        <Flex gap={8} wrap align="center">
          <Button type="primary" htmlType="submit" loading={saving}>
            {m.save}
          </Button>
          <Button icon={<SendOutlined />} disabled={!provider.configured} onClick={() => setTesting(true)}>
            {m.test}
          </Button>
          {provider.updatedAt && provider.updatedBy ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.updatedBy(provider.updatedBy, dayjs(provider.updatedAt).format('YYYY-MM-DD HH:mm'))}
            </Typography.Text>
          ) : null}
        </Flex>
      </Form>
      <TestModal provider={provider} open={testing} onClose={() => setTesting(false)} />
    </Card>
  );
}

function TestModal({ provider, open, onClose }: { provider: Provider; open: boolean; onClose: () => void }) {
  const m = useMessages(notificationMessages);
  const { fail } = useFeedback();
  const [form] = Form.useForm<{ destination: string }>();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const channelName = m.channels[provider.channel];

  const send = async ({ destination }: { destination: string }) => {
    setSending(true);
    setResult(null);
    try {
      setResult(await notificationsApi.testProvider(provider.channel, destination.trim()));
    } catch (error) {
      if (!applyFieldErrors(form, error).length) fail(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={m.testTitle(channelName)}
      okText={m.send}
      okButtonProps={{ icon: <SendOutlined />, loading: sending }}
      onOk={() => form.submit()}
      onCancel={() => {
        setResult(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{m.testHint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={send} preserve={false}>
        <Form.Item name="destination" label={m.destination[provider.channel]} rules={[{ required: true, whitespace: true, message: m.destinationRequired }]}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
      </Form>
      {result ? (
        result.ok ? (
          <Alert
            type="success"
            showIcon
            title={m.testOk(result.elapsedMs)}
            description={
              <>
                {result.providerRef ? <div>{m.testOkRef(result.providerRef)}</div> : null}
                {!result.enabled ? <div>{m.testDisabled}</div> : null}
              </>
            }
          />
        ) : (
          <Alert type="error" showIcon title={m.testFailed} description={result.error} />
        )
      ) : null}
    </Modal>
  );
}
