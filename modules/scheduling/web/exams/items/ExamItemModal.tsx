import { Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { examsApi } from '../api';
import { examMessages } from '../messages';
import { MODALITIES, type ExamItem, type ExamItemInput } from '../types';

type Values = Omit<ExamItemInput, 'version'>;

/** add or edit one exam item; the server's field errors land next to the fields */
export function ExamItemModal({ item, onClose, onSaved }: { item: ExamItem | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(examMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const departments = useRequest((signal) => examsApi.departments(signal), [], { enabled: item !== null });

  useEffect(() => {
    if (!item) return;
    form.resetFields();
    form.setFieldsValue(item === 'new'
      ? { durationMinutes: 15, fasting: false, contrast: false, morningOnly: false, active: true, departmentId: null, preparation: '' }
      : { ...item });
  }, [item, form]);

  const submit = async (values: Values) => {
    if (!item) return;
    setSaving(true);
    try {
      const body = { ...values, departmentId: values.departmentId ?? null, preparation: values.preparation ?? '' };
      if (item === 'new') await examsApi.createItem(body);
      else await examsApi.updateItem(item.id, { ...body, version: item.version });
      message.success(m.saved);
      onSaved();
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={item !== null} title={item === 'new' ? m.newItem : item ? m.editItem(item.name) : ''} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={saving} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" preserve={false}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={m.code} rules={[{ required: true, message: m.required }, { pattern: /^[A-Za-z0-9_.-]{1,40}$/ }]}>
              <Input maxLength={40} className="mono" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.required }]}>
              <Input maxLength={60} autoFocus />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="modality" label={m.modalityLabel} rules={[{ required: true, message: m.required }]}>
              <Select options={MODALITIES.map((x) => ({ value: x, label: m.modality[x] }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="durationMinutes" label={m.durationField} rules={[{ required: true, message: m.required }]}>
              <InputNumber min={5} max={480} step={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="departmentId" label={m.department}>
              <Select allowClear placeholder={m.anyDepartment} loading={departments.loading}
                options={(departments.data ?? []).filter((d) => d.exam).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="preparation" label={m.preparation} extra={m.preparationHelp}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="fasting" valuePropName="checked" noStyle><Checkbox>{m.fasting}</Checkbox></Form.Item>
          <Form.Item name="contrast" valuePropName="checked" noStyle><Checkbox>{m.contrast}</Checkbox></Form.Item>
          <Form.Item name="morningOnly" valuePropName="checked" noStyle><Checkbox>{m.morningOnly}</Checkbox></Form.Item>
          <Form.Item name="active" valuePropName="checked" noStyle><Checkbox>{m.active}</Checkbox></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
