import { Button, Col, Divider, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCurrentAssignment } from '@kangyun/web-shell/session';
import { staffApi } from '../api';
import { randomPassword } from '../components/randomPassword';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { NewAssignment, OrgNode } from '../types';
import { AssignmentInputs } from './AssignmentInputs';

interface Values {
  username: string;
  displayName: string;
  mobile?: string;
  initialPassword: string;
  assignments: NewAssignment[];
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,32}$/;

export function CreateStaffModal({ open, tree, onClose, onCreated }: { open: boolean; tree: OrgNode[] | undefined; onClose: () => void; onCreated: () => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const current = useCurrentAssignment();
  const onKeyDown = useEnterToNext(() => form.submit());

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      initialPassword: randomPassword(),
      assignments: [{ institutionId: current?.institutionId ?? '', departmentId: null, roleId: '' }],
    });
  }, [open, form, current?.institutionId]);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await staffApi.create({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        mobile: values.mobile?.trim() || undefined,
        initialPassword: values.initialPassword,
        assignments: values.assignments.map((a) => ({ institutionId: a.institutionId, departmentId: a.departmentId || undefined, roleId: a.roleId })),
      });
      message.success(m.created(values.displayName.trim()));
      onCreated();
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={m.createTitle} width={760} onCancel={onClose} onOk={() => form.submit()} okText={c.save} cancelText={c.cancel} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} autoComplete="off">
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="username" label={m.username} rules={[{ required: true, message: m.usernameRequired }, { pattern: USERNAME_PATTERN, message: m.usernamePattern }]}>
              <Input autoFocus autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="displayName" label={m.displayName} rules={[{ required: true, whitespace: true, message: m.displayNameRequired }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="mobile" label={m.mobile} rules={[{ pattern: MOBILE_PATTERN, message: m.mobilePattern }]}>
              <Input inputMode="numeric" maxLength={11} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={m.initialPassword} required extra={m.initialPasswordHint}>
          <Space.Compact block>
            <Form.Item name="initialPassword" noStyle rules={[{ required: true, message: m.initialPasswordRequired }]}>
              <Input.Password visibilityToggle autoComplete="new-password" />
            </Form.Item>
            <Button icon={<ThunderboltOutlined />} onClick={() => form.setFieldValue('initialPassword', randomPassword())}>
              {c.generate}
            </Button>
            <Button onClick={() => void navigator.clipboard?.writeText(form.getFieldValue('initialPassword') ?? '')}>{c.copy}</Button>
          </Space.Compact>
        </Form.Item>
        <Divider style={{ margin: '4px 0 12px' }} />
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {m.posts}
        </Typography.Title>
        <Form.List
          name="assignments"
          rules={[{ validator: async (_, list: unknown[]) => (list?.length ? undefined : Promise.reject(new Error(m.atLeastOnePost))) }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <AssignmentInputs
                  key={field.key}
                  form={form}
                  tree={tree}
                  name={[field.name]}
                  absolute={['assignments', field.name]}
                  extra={
                    fields.length > 1 ? (
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={m.removePost} onClick={() => remove(field.name)} />
                    ) : undefined
                  }
                />
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ departmentId: null })}>
                {m.addPost}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
