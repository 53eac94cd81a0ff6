import { Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { DepartmentSelect, PractitionerSelect } from '../common/pickers';
import { planningMessages } from '../messages';
import { LEVELS, MODALITIES, type Resource } from '../types';

interface Values {
  departmentId: number;
  kind: 'clinic' | 'exam';
  name: string;
  practitionerId?: number | null;
  clinicLevel?: string | null;
  modality?: string | null;
  room?: string | null;
  fee?: number | null;
  active: boolean;
}

/** add or edit a bookable resource; `resource` null = closed, 'new' = add */
export function ResourceModal({ resource, departmentId, onClose, onSaved }: { resource: Resource | 'new' | null; departmentId?: number; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(planningMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const kind = Form.useWatch('kind', form);
  const dept = Form.useWatch('departmentId', form);
  const editing = resource && resource !== 'new' ? resource : null;

  useEffect(() => {
    if (!resource) return;
    form.setFieldsValue(editing
      ? { ...editing, active: editing.active }
      : { departmentId, kind: 'clinic', clinicLevel: 'general', active: true, name: '' } as Values);
  }, [resource, editing, departmentId, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = { ...v, name: v.name.trim(), fee: v.fee ?? null, room: v.room?.trim() || null };
      if (editing) await planningApi.updateResource(editing.id, body);
      else await planningApi.createResource(body);
      message.success(m.common.saved);
      onSaved();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={!!resource} title={editing ? m.resources.editTitle : m.resources.addTitle} onCancel={onClose} onOk={() => form.submit()}
      okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Form.Item name="departmentId" label={m.common.department} rules={[{ required: true, message: m.resources.departmentRequired }]}>
          <DepartmentSelect allowClear={false} placeholder={m.resources.departmentRequired} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={m.resources.kind}>
          <Radio.Group disabled={!!editing} options={[{ value: 'clinic', label: m.resources.clinic }, { value: 'exam', label: m.resources.exam }]} optionType="button" />
        </Form.Item>
        <Form.Item name="name" label={m.resources.name} rules={[{ required: true, whitespace: true, message: m.resources.nameRequired }]}>
          <Input autoFocus maxLength={100} placeholder={m.resources.namePlaceholder} />
        </Form.Item>
        {kind === 'exam' ? (
          <Form.Item name="modality" label={m.resources.modality} rules={[{ required: true, message: m.resources.modalityRequired }]}>
            <Select options={MODALITIES.map((x) => ({ value: x, label: `${m.modality[x]}（${x}）` }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="practitionerId" label={m.resources.practitioner}>
              <PractitionerSelect departmentId={dept} />
            </Form.Item>
            <Form.Item name="clinicLevel" label={m.resources.level} rules={[{ required: true, message: m.resources.levelRequired }]}>
              <Radio.Group options={LEVELS.map((x) => ({ value: x, label: m.level[x] }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="room" label={m.resources.room}>
          <Input maxLength={100} />
        </Form.Item>
        {kind !== 'exam' ? (
          <Form.Item name="fee" label={m.resources.fee}>
            <InputNumber min={0} max={100000} precision={2} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="active" label={m.resources.active} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
