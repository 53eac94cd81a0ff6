import { Button, Card, Col, Form, Input, Modal, Popconfirm, Radio, Row, Space, Table, TimePicker } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { fromTime, toTime } from '../common/time';
import { planningMessages } from '../messages';
import type { Season } from '../types';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
type Values = Omit<Season, 'id' | 'amStart' | 'amEnd' | 'pmStart' | 'pmEnd'> & { amStart: Dayjs | null; amEnd: Dayjs | null; pmStart: Dayjs | null; pmEnd: Dayjs | null };

/** 时令: summer and winter hours of the institution */
export function SeasonsCard({ manage }: { manage: boolean }) {
  const m = useMessages(planningMessages);
  const h = m.holidays;
  const list = useRequest((signal) => planningApi.seasons(signal), []);
  const [editing, setEditing] = useState<Season | 'new' | null>(null);
  const { message, fail } = useFeedback();
  const range = (a: string | null, b: string | null) => (a || b ? `${a ?? '…'}–${b ?? '…'}` : '—');

  const remove = async (s: Season) => {
    try {
      await planningApi.deleteSeason(s.id);
      message.success(m.common.deleted);
      list.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Card variant="borderless" title={h.seasons} extra={manage ? <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{h.addSeason}</Button> : null}>
      <p style={{ marginTop: 0 }}>{h.seasonsHint}</p>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      <Table<Season> rowKey="id" size="small" pagination={false} loading={list.loading} dataSource={list.data ?? []}
        columns={[
          { title: h.name, render: (_, s) => `${s.name}（${s.kind === 'summer' ? h.summer : h.winter}）` },
          { title: h.range, render: (_, s) => `${s.startsOn} ~ ${s.endsOn}` },
          { title: h.am, render: (_, s) => range(s.amStart, s.amEnd) },
          { title: h.pm, render: (_, s) => range(s.pmStart, s.pmEnd) },
          ...(manage ? [{
            title: m.common.actions, key: 'a', width: 130,
            render: (_: unknown, s: Season) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(s)}>{m.common.edit}</Button>
                <Popconfirm title={m.common.confirmDelete} onConfirm={() => remove(s)} okText={m.common.delete} cancelText={m.common.cancel}>
                  <Button type="link" size="small" danger>{m.common.delete}</Button>
                </Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <SeasonModal season={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />
    </Card>
  );
}

function SeasonModal({ season, onClose, onSaved }: { season: Season | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(planningMessages);
  const h = m.holidays;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const onKeyDown = useEnterToNext(() => form.submit());
  const editing = season && season !== 'new' ? season : null;

  useEffect(() => {
    if (!season) return;
    form.setFieldsValue(editing
      ? { ...editing, amStart: toTime(editing.amStart), amEnd: toTime(editing.amEnd), pmStart: toTime(editing.pmStart), pmEnd: toTime(editing.pmEnd) }
      : { kind: 'summer', name: '', startsOn: '05-01', endsOn: '09-30', amStart: null, amEnd: null, pmStart: null, pmEnd: null });
  }, [season, editing, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = { ...v, name: v.name.trim(), amStart: fromTime(v.amStart), amEnd: fromTime(v.amEnd), pmStart: fromTime(v.pmStart), pmEnd: fromTime(v.pmEnd) };
      if (editing) await planningApi.updateSeason(editing.id, body);
      else await planningApi.createSeason(body);
      message.success(m.common.saved);
      onSaved();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setSaving(false);
    }
  };

  const time = (name: keyof Values, label: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label}><TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} /></Form.Item>
    </Col>
  );

  return (
    <Modal open={!!season} title={editing ? h.editSeason : h.addSeason} onCancel={onClose} onOk={() => form.submit()} okText={m.common.save} cancelText={m.common.cancel} confirmLoading={saving} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onFinish={submit} onKeyDownCapture={onKeyDown} preserve={false}>
        <Row gutter={12}>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label={h.kind}>
              <Radio.Group optionType="button" options={[{ value: 'summer', label: h.summer }, { value: 'winter', label: h.winter }]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={h.name} rules={[{ required: true, whitespace: true, message: h.nameRequired }]}><Input maxLength={50} autoFocus /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="startsOn" label={`${h.range}`} rules={[{ required: true, pattern: MONTH_DAY, message: h.monthDayBad }]}><Input placeholder={h.monthDay} /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="endsOn" label=" " rules={[{ required: true, pattern: MONTH_DAY, message: h.monthDayBad }]}><Input placeholder={h.monthDay} /></Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {time('amStart', `${h.am} ${m.templates.start}`)}
          {time('amEnd', `${h.am} ${m.templates.end}`)}
          {time('pmStart', `${h.pm} ${m.templates.start}`)}
          {time('pmEnd', `${h.pm} ${m.templates.end}`)}
        </Row>
      </Form>
    </Modal>
  );
}
