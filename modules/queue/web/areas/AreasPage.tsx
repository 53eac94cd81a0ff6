import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { isApiError } from '@kangyun/web-shell/api';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueApi, type AreaInput } from '../api';
import { queueMessages } from '../messages';
import { renderAnnouncement } from '../voice/announcementText';
import type { Area, CallKind, TemplateSetting } from '../types';

const KINDS: CallKind[] = ['call', 'recall', 'prepare'];
const SAMPLE = { number: 12, name: '张*三', room: '201 诊室', place: '超声科二次候诊区', doctor: '张慧' };

type TemplateFields = Partial<Record<CallKind, { template?: string; repeat?: number }>>;
interface AreaForm { name: string; location?: string; preparePlace?: string; departmentId?: number; rooms: { name: string; match: string }[]; templates: TemplateFields }

/** a template form value → what the API takes (empty text = inherit) */
function templatesOf(fields: TemplateFields | undefined): Partial<Record<CallKind, TemplateSetting | null>> {
  return Object.fromEntries(KINDS.map((k) => {
    const t = fields?.[k];
    return [k, t?.template?.trim() ? { template: t.template.trim(), repeat: t.repeat ?? 2 } : null];
  }));
}

/**
 * 候诊区与播报: which rooms each waiting area has (the name screens show and voices say, and the
 * scheduling room it stands for), the preparation area, and the announcement templates with a
 * preview of what will be spoken.
 */
export default function AreasPage() {
  const m = useMessages(queueMessages);
  const a = m.areas;
  const { modal, message, fail } = useFeedback();
  const areas = useRequest((signal) => queueApi.areas(signal), []);
  const defaults = useRequest((signal) => queueApi.templates(signal), []);
  const [editing, setEditing] = useState<Area | 'new' | null>(null);
  const [editingDefaults, setEditingDefaults] = useState(false);

  const remove = (area: Area) => modal.confirm({
    title: `${m.delete} · ${area.name}`, content: a.deleteConfirm, okButtonProps: { danger: true }, okText: m.delete, cancelText: m.cancel,
    onOk: () => queueApi.deleteArea(area.id).then(areas.reload, fail),
  });

  return (
    <>
      <PageHeader title={a.title} subtitle={a.subtitle} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{a.newArea}</Button>} />
      <ProblemAlert error={areas.error} onRetry={areas.reload} />
      <Card size="small" title={a.defaults} style={{ marginBottom: 16 }} extra={<Button size="small" onClick={() => setEditingDefaults(true)}>{m.edit}</Button>}>
        <Descriptions size="small" column={1}>
          {KINDS.map((k) => {
            const t = defaults.data?.templates[k] ?? defaults.data?.defaults[k];
            return <Descriptions.Item key={k} label={m.callKind[k]}>{t ? `${t.template} ×${t.repeat}` : ''}</Descriptions.Item>;
          })}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {(areas.data ?? []).map((area) => (
          <Col key={area.id} xs={24} md={12} xl={8}>
            <Card title={area.name} size="small" extra={<Space size={4}><Button size="small" onClick={() => setEditing(area)}>{m.edit}</Button><Button size="small" danger onClick={() => remove(area)}>{m.delete}</Button></Space>}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={a.location}>{area.location ?? ''}{area.departmentName ? ` · ${area.departmentName}` : ''}</Descriptions.Item>
                <Descriptions.Item label={a.rooms}>{area.rooms.map((r) => <Tag key={r.id} title={r.match}>{r.name}</Tag>)}</Descriptions.Item>
                <Descriptions.Item label={a.preparePlace}>{area.preparePlace ?? a.preparePlaceHint}</Descriptions.Item>
                {KINDS.map((k) => <Descriptions.Item key={k} label={m.callKind[k]}>{area.templates[k] ? `${area.templates[k]!.template} ×${area.templates[k]!.repeat}` : a.inherit}</Descriptions.Item>)}
                <Descriptions.Item label={m.devices.title}>{a.devices(area.devices)}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
        ))}
        {areas.data && areas.data.length === 0 ? <Col span={24}><Empty /></Col> : null}
      </Row>
      {editing ? <AreaModal area={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); areas.reload(); }} /> : null}
      {editingDefaults && defaults.data ? (
        <DefaultsModal value={defaults.data.templates} onCancel={() => setEditingDefaults(false)}
          onSave={(t) => queueApi.saveTemplates(t).then(() => { setEditingDefaults(false); defaults.reload(); message.success(m.save); }, fail)} />
      ) : null}
    </>
  );
}

function TemplateInputs({ prefix, inheritLabel }: { prefix: string[]; inheritLabel: string }) {
  const m = useMessages(queueMessages);
  const form = Form.useFormInstance();
  return (
    <>
      <Typography.Paragraph type="secondary">{m.areas.templatesHint}</Typography.Paragraph>
      {KINDS.map((k) => (
        <Form.Item key={k} label={m.callKind[k]} style={{ marginBottom: 8 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={[...prefix, k, 'template']} noStyle><Input placeholder={inheritLabel} maxLength={200} /></Form.Item>
            <Form.Item name={[...prefix, k, 'repeat']} noStyle><InputNumber min={1} max={5} placeholder={m.areas.repeat} style={{ width: 110 }} addonAfter="×" /></Form.Item>
          </Space.Compact>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const t = form.getFieldValue([...prefix, k, 'template']) as string | undefined;
              return t?.trim() ? <Typography.Text type="secondary">{m.areas.preview}：{renderAnnouncement(t, SAMPLE)}</Typography.Text> : null;
            }}
          </Form.Item>
        </Form.Item>
      ))}
    </>
  );
}

function AreaModal({ area, onCancel, onSaved }: { area: Area | null; onCancel: () => void; onSaved: () => void }) {
  const m = useMessages(queueMessages);
  const a = m.areas;
  const { fail } = useFeedback();
  const [form] = Form.useForm<AreaForm>();
  const [saving, setSaving] = useState(false);
  const options = useRequest((signal) => queueApi.roomOptions(signal), []);
  const departments = useRequest((signal) => queueApi.departments(signal), []);
  const save = async (v: AreaForm) => {
    const body: AreaInput = {
      name: v.name, location: v.location || null, preparePlace: v.preparePlace || null, departmentId: v.departmentId ?? null,
      rooms: (v.rooms ?? []).filter((r) => r?.name && r?.match), templates: templatesOf(v.templates),
    };
    setSaving(true);
    try {
      if (area) await queueApi.updateArea(area.id, body);
      else await queueApi.createArea(body);
      onSaved();
    } catch (error) {
      if (isApiError(error) && error.errors?.length) form.setFields(error.errors.map((e) => ({ name: e.field.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) as never, errors: [e.message] })));
      else fail(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open width={720} title={area?.name ?? a.newArea} okText={m.save} cancelText={m.cancel} confirmLoading={saving} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{
        name: area?.name, location: area?.location ?? undefined, preparePlace: area?.preparePlace ?? undefined, departmentId: area?.departmentId ?? undefined,
        rooms: area?.rooms.map((r) => ({ name: r.name, match: r.match })) ?? [{ name: '', match: '' }],
        templates: area?.templates ?? {},
      }}>
        <Form.Item name="name" label={a.name} rules={[{ required: true, max: 60 }]}><Input /></Form.Item>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="location" label={a.location}><Input maxLength={100} /></Form.Item>
          <Form.Item name="departmentId" label={m.desk.department}>
            <Select allowClear options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="preparePlace" label={a.preparePlace} extra={a.preparePlaceHint}><Input maxLength={60} /></Form.Item>
        <Typography.Title level={5}>{a.rooms}</Typography.Title>
        <Form.List name="rooms">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, max: 30 }]}><Input placeholder={a.roomName} style={{ width: 200 }} /></Form.Item>
                  <Form.Item name={[field.name, 'match']} rules={[{ required: true }]}>
                    <Select showSearch placeholder={a.roomMatch} style={{ width: 380 }}
                      options={(options.data ?? []).map((o) => ({ value: o.match, label: `${o.match}（${o.departments}${o.areaName ? ` · ${o.areaName}` : ''}）` }))} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', match: '' })}>{a.addRoom}</Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{a.templates}</Typography.Title>
        <TemplateInputs prefix={['templates']} inheritLabel={a.inherit} />
      </Form>
    </Modal>
  );
}

function DefaultsModal({ value, onSave, onCancel }: { value: Partial<Record<CallKind, TemplateSetting>>; onSave: (t: Partial<Record<CallKind, TemplateSetting | null>>) => void; onCancel: () => void }) {
  const m = useMessages(queueMessages);
  const [form] = Form.useForm<{ templates: TemplateFields }>();
  return (
    <Modal open width={640} title={m.areas.defaults} okText={m.save} cancelText={m.cancel} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ templates: value }} onFinish={(v) => onSave(templatesOf(v.templates))}>
        <TemplateInputs prefix={['templates']} inheritLabel={m.areas.inherit} />
      </Form>
    </Modal>
  );
}
