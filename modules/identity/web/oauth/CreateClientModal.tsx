import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useLocalize, useMessages } from '@kangyun/web-shell/i18n';
import { useCurrentAssignment } from '@kangyun/web-shell/session';
import { oauthApi } from '../api';
import { InstitutionSelect } from '../components/InstitutionSelect';
import { commonMessages } from '../messages/common';
import { oauthMessages } from '../messages/oauth';
import type { Id, OAuthClient, OAuthScope, OrgNode } from '../types';

interface Values {
  clientId: string;
  name: string;
  scopes: string[];
  institutionId: Id;
}

export function CreateClientModal({ open, tree, scopes, onClose, onCreated }: { open: boolean; tree: OrgNode[] | undefined; scopes: OAuthScope[]; onClose: () => void; onCreated: (client: OAuthClient & { clientSecret: string }) => void }) {
  const m = useMessages(oauthMessages);
  const c = useMessages(commonMessages);
  const t = useLocalize();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { fail } = useFeedback();
  const current = useCurrentAssignment();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ institutionId: current?.institutionId, scopes: [] });
    }
  }, [open, form, current?.institutionId]);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const created = await oauthApi.create({ ...values, clientId: values.clientId.trim(), name: values.name.trim() });
      onCreated(created);
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={m.createTitle} onCancel={onClose} onOk={() => form.submit()} okText={c.save} cancelText={c.cancel} confirmLoading={saving} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item
          name="clientId"
          label={m.clientId}
          rules={[
            { required: true, message: m.clientIdRequired },
            { pattern: /^[a-z0-9._-]{3,64}$/, message: m.clientIdPattern },
          ]}
        >
          <Input maxLength={64} placeholder="his-east-hospital" />
        </Form.Item>
        <Form.Item name="institutionId" label={m.institution} rules={[{ required: true, message: c.selectInstitution }]}>
          <InstitutionSelect tree={tree} />
        </Form.Item>
        <Form.Item name="scopes" label={m.scopes} rules={[{ required: true, type: 'array', min: 1, message: m.scopesRequired }]}>
          <Select
            mode="multiple"
            options={scopes.map((s) => ({ value: s.code, label: `${t(s.name)}（${s.code}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
