import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { planningMessages } from '../messages';
import { WEEKDAYS, type Holiday } from '../types';

interface Values { day: Dayjs; kind: 'holiday' | 'workday'; worksAs?: number | null; name: string }

/** add or edit one holiday (放假) or swapped working day (调休上班) of the institution */
export function HolidayModal({ holiday, onClose, onSaved }: { holiday: Holiday | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(planningMessages);
  const h = m.holidays;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const kind = Form.useWatch('kind', form);
  const editing = holiday && holiday !== 'new' ? holiday : null;

  useEffect(() => {
    if (!holiday) return;
    form.setFieldsValue(editing ? { ...editing, day: dayjs(editing.day) } : { kind: 'holiday', name: '' } as unknown as Values);
  }, [holiday, editing, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = { day: v.day.format('YYYY-MM-DD'), kind: v.kind, worksAs: v.kind === 'workday' ? v.worksAs : null, name: v.name.trim() };
      if (editing) await planningApi.updateHoliday(editing.id, body);
      else await planningApi.createHoliday(body);
      message.success(m.common.saved);
      onSaved();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={!!holiday} title={editing ? h.editTitle : h.addTitle} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Form.Item name="day" label={h.day} rules={[{ required: true, message: h.dayRequired }]}><DatePicker autoFocus style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="kind" label={h.kind}>
          <Radio.Group optionType="button" options={[{ value: 'holiday', label: h.holiday }, { value: 'workday', label: h.workday }]} />
        </Form.Item>
        {kind === 'workday' ? (
          <Form.Item name="worksAs" label={h.worksAs} rules={[{ required: true, message: h.worksAsRequired }]}>
            <Select options={WEEKDAYS.map((d) => ({ value: d, label: m.weekday[d] }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={h.name} rules={[{ required: true, whitespace: true, message: h.nameRequired }]}><Input maxLength={50} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** paste a year's list as JSON (e.g. typed from the State Council's notice) */
export function ImportHolidaysModal({ open, year, onClose, onDone }: { open: boolean; year: number; onClose: () => void; onDone: () => void }) {
  const m = useMessages(planningMessages);
  const h = m.holidays;
  const [form] = Form.useForm<{ year: number; json: string; replace: boolean }>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();

  useEffect(() => { if (open) form.setFieldsValue({ year, json: '', replace: false }); }, [open, year, form]);

  const submit = async (v: { year: number; json: string; replace: boolean }) => {
    let days: unknown;
    try {
      days = JSON.parse(v.json);
    } catch {
      form.setFields([{ name: 'json', errors: [h.badJson] }]);
      return;
    }
    setSaving(true);
    try {
      const result = await planningApi.importHolidays({ year: v.year, replace: v.replace, days });
      message.success(h.imported(result.imported));
      onDone();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={h.importTitle} onCancel={onClose} onOk={() => form.submit()} okText={h.import} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="year" label={h.year} rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="json" label="JSON" extra={h.importHint} rules={[{ required: true }]}>
          <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="replace" valuePropName="checked"><Checkbox>{h.importReplace}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
