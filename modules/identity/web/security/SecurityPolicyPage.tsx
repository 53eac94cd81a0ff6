import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Skeleton } from 'antd';
import { LockOutlined, KeyOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useSessionContext } from '@kangyun/web-shell/session';
import { securityApi } from '../api';
import { commonMessages } from '../messages/common';
import { securityMessages } from '../messages/security';
import type { SecurityPolicy } from '../types';

type Field = { name: keyof SecurityPolicy; min: number; max: number; unit: 'unitChars' | 'unitClasses' | 'unitTimes' | 'unitDays' | 'unitMinutes' };

const sections: { key: 'passwordSection' | 'lockoutSection' | 'sessionSection'; icon: ReactNode; fields: Field[] }[] = [
  {
    key: 'passwordSection',
    icon: <KeyOutlined />,
    fields: [
      { name: 'passwordMinLength', min: 8, max: 64, unit: 'unitChars' },
      { name: 'passwordMinClasses', min: 3, max: 4, unit: 'unitClasses' },
      { name: 'passwordHistory', min: 0, max: 24, unit: 'unitTimes' },
      { name: 'passwordMaxAgeDays', min: 1, max: 365, unit: 'unitDays' },
    ],
  },
  {
    key: 'lockoutSection',
    icon: <LockOutlined />,
    fields: [
      { name: 'lockoutThreshold', min: 3, max: 10, unit: 'unitTimes' },
      { name: 'lockoutMinutes', min: 10, max: 1440, unit: 'unitMinutes' },
    ],
  },
  {
    key: 'sessionSection',
    icon: <FieldTimeOutlined />,
    fields: [{ name: 'idleTimeoutMinutes', min: 5, max: 30, unit: 'unitMinutes' }],
  },
];

export default function SecurityPolicyPage() {
  const m = useMessages(securityMessages);
  const c = useMessages(commonMessages);
  const policy = useRequest((signal) => securityApi.get(signal), []);
  const [form] = Form.useForm<SecurityPolicy>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const { message, fail } = useFeedback();
  const { refresh } = useSessionContext();
  const onKeyDown = useEnterToNext(() => form.submit());

  useEffect(() => {
    if (policy.data) {
      form.setFieldsValue(policy.data);
      setDirty(false);
    }
  }, [policy.data, form]);

  const submit = async (values: SecurityPolicy) => {
    setSaving(true);
    try {
      const saved = await securityApi.save(values);
      policy.setData(saved ?? values);
      message.success(m.saved);
      void refresh(); // the idle timeout in the session may have changed
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Alert type="info" showIcon title={m.baseline} style={{ marginBottom: 16, maxWidth: 960 }} />
      <ProblemAlert error={policy.error} onRetry={policy.reload} />
      {policy.loading && !policy.data ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} onValuesChange={() => setDirty(true)} style={{ maxWidth: 960 }}>
          <Flex vertical gap={16}>
            {sections.map((section) => (
              <Card
                key={section.key}
                variant="borderless"
                title={
                  <span>
                    {section.icon} {m[section.key]}
                  </span>
                }
              >
                <Row gutter={24}>
                  {section.fields.map((field) => (
                    <Col key={field.name} xs={24} md={12}>
                      <Form.Item name={field.name} label={m[field.name]} extra={`${m[`${field.name}Help`]}${m.range(field.min, field.max)}`} rules={[{ required: true, message: m.required }]}>
                        <InputNumber min={field.min} max={field.max} precision={0} suffix={m[field.unit]} style={{ width: 200 }} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
            ))}
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={saving} disabled={!dirty}>
                {c.save}
              </Button>
              <Button
                disabled={!dirty}
                onClick={() => {
                  if (policy.data) form.setFieldsValue(policy.data);
                  setDirty(false);
                }}
              >
                {m.revert}
              </Button>
            </Flex>
          </Flex>
        </Form>
      )}
    </>
  );
}
