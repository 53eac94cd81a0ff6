import { Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { orgApi } from '../api';
import { commonMessages } from '../messages/common';
import { orgMessages } from '../messages/org';
import { childKinds } from '../orgTree';
import type { InstitutionType, OrgKind, OrgNode } from '../types';

export type OrgDialog = { mode: 'create'; parent: OrgNode | null } | { mode: 'edit'; node: OrgNode };

interface Values {
  kind: OrgKind;
  name: string;
  code: string;
  institutionType?: InstitutionType;
}

const institutionTypes: InstitutionType[] = ['hospital', 'community_health_centre', 'station'];

export function OrgNodeModal({ dialog, onClose, onSaved }: { dialog: OrgDialog | null; onClose: () => void; onSaved: (node: OrgNode | null) => void }) {
  const m = useMessages(orgMessages);
  const c = useMessages(commonMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const kinds = dialog?.mode === 'create' ? childKinds(dialog.parent) : [];
  const kind = Form.useWatch('kind', form);
  const onKeyDown = useEnterToNext(() => form.submit());

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit') form.setFieldsValue({ kind: dialog.node.kind, name: dialog.node.name, code: dialog.node.code });
    else form.setFieldsValue({ kind: kinds[kinds.length - 1], institutionType: 'hospital' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dialog]);

  const submit = async (values: Values) => {
    if (!dialog) return;
    setSaving(true);
    try {
      if (dialog.mode === 'edit') {
        const saved = await orgApi.update(dialog.node.id, { name: values.name.trim(), code: values.code.trim() });
        message.success(c.saved);
        onSaved(saved ?? null);
      } else {
        const saved = await orgApi.create({
          parentId: dialog.parent?.id ?? null,
          kind: values.kind,
          name: values.name.trim(),
          code: values.code.trim(),
          institutionType: values.kind === 'institution' ? values.institutionType : undefined,
        });
        message.success(m.created(values.name.trim()));
        onSaved(saved ?? null);
      }
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  const title = !dialog
    ? ''
    : dialog.mode === 'edit'
      ? m.editTitle(dialog.node.name)
      : kinds.length === 1
        ? m.createTitle(c.kind[kinds[0]])
        : m.addChild;

  return (
    <Modal open={!!dialog} title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okText={c.save} cancelText={c.cancel} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} requiredMark="optional" preserve={false}>
        {dialog?.mode === 'create' && dialog.parent ? (
          <Form.Item label={m.parent}>
            <Input value={dialog.parent.name} disabled />
          </Form.Item>
        ) : null}
        <Form.Item name="kind" label={m.kind} hidden={kinds.length <= 1}>
          <Radio.Group optionType="button" options={kinds.map((k) => ({ value: k, label: c.kind[k] }))} />
        </Form.Item>
        <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }, { max: 100 }]}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={m.code}
          rules={[
            { required: true, whitespace: true, message: m.codeRequired },
            { pattern: /^[A-Za-z0-9_-]+$/, message: m.codePattern },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {dialog?.mode === 'create' && kind === 'institution' ? (
          <Form.Item name="institutionType" label={m.institutionType} rules={[{ required: true, message: m.institutionTypeRequired }]}>
            <Select options={institutionTypes.map((t) => ({ value: t, label: c.institutionType[t] }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
