import { useState } from 'react';
import { Badge, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { QRCodeSVG } from 'qrcode.react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { isApiError } from '@kangyun/web-shell/api';
import { queueApi, type DeviceInput } from '../api';
import { queueMessages } from '../messages';
import type { Device, DeviceKind } from '../types';

const KINDS: DeviceKind[] = ['big_screen', 'door_screen', 'kiosk'];

/**
 * 显示设备: screens and kiosks are registered here and get an address with a one-time device
 * token (shown once, as text and QR code); deactivating one stops its screen within seconds.
 */
export default function DevicesPage() {
  const m = useMessages(queueMessages);
  const d = m.devices;
  const { modal, fail } = useFeedback();
  const devices = useRequest((signal) => queueApi.devices(signal), []);
  const areas = useRequest((signal) => queueApi.areas(signal), []);
  const rooms = useRequest((signal) => queueApi.rooms(signal), []);
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  const [issued, setIssued] = useState<{ url: string; name: string } | null>(null);

  const areaName = (id: number) => areas.data?.find((a) => a.id === id)?.name ?? `#${id}`;
  const roomName = (id: number) => rooms.data?.find((r) => r.id === id)?.name ?? `#${id}`;

  const revoke = (device: Device) => modal.confirm({
    title: `${d.revoke} · ${device.name}`, content: d.revokeConfirm, okText: d.revoke, okButtonProps: { danger: true }, cancelText: m.cancel,
    onOk: () => queueApi.revokeDevice(device.id).then(devices.reload, fail),
  });
  const reissue = (device: Device) => modal.confirm({
    title: `${d.reissue} · ${device.name}`, content: d.reissueConfirm, cancelText: m.cancel,
    onOk: () => queueApi.reissueDevice(device.id).then((r) => { setIssued({ url: r.url, name: r.device.name }); devices.reload(); }, fail),
  });

  return (
    <>
      <PageHeader title={d.title} subtitle={d.subtitle} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{d.register}</Button>} />
      <ProblemAlert error={devices.error} onRetry={devices.reload} />
      <Table<Device>
        rowKey="id"
        loading={devices.loading}
        dataSource={devices.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: d.name, dataIndex: 'name' },
          { title: d.kind, render: (_, x) => m.deviceKind[x.kind] },
          { title: d.areas, render: (_, x) => x.areaIds.map((id) => <Tag key={id}>{areaName(id)}</Tag>) },
          { title: d.rooms, render: (_, x) => x.roomIds.map((id) => <Tag key={id}>{roomName(id)}</Tag>) },
          { title: d.voice, render: (_, x) => (x.voice ? '✓' : '') , width: 80 },
          {
            title: d.status, width: 110, render: (_, x) => (x.revokedAt ? <Badge status="default" text={d.revoked} />
              : x.online ? <Badge status="success" text={d.online} /> : <Badge status="warning" text={d.offline} />),
          },
          { title: d.lastSeen, render: (_, x) => (x.lastSeenAt ? new Date(x.lastSeenAt).toLocaleString('zh-CN', { hour12: false }) : ''), width: 170 },
          {
            title: m.calling.actions, width: 220, render: (_, x) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(x)}>{m.edit}</Button>
                {!x.revokedAt ? <Button size="small" danger onClick={() => revoke(x)}>{d.revoke}</Button> : null}
                <Button size="small" onClick={() => reissue(x)}>{d.reissue}</Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <DeviceModal
          device={editing === 'new' ? null : editing}
          areas={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          rooms={(rooms.data ?? []).map((r) => ({ value: r.id, label: r.areaName ? `${r.name}（${r.areaName}）` : r.name }))}
          onCancel={() => setEditing(null)}
          onSaved={(issuedNow) => { setEditing(null); devices.reload(); if (issuedNow) setIssued(issuedNow); }}
        />
      ) : null}
      {issued ? <TokenModal {...issued} onClose={() => setIssued(null)} /> : null}
    </>
  );
}

function DeviceModal({ device, areas, rooms, onCancel, onSaved }: {
  device: Device | null;
  areas: { value: number; label: string }[];
  rooms: { value: number; label: string }[];
  onCancel: () => void;
  onSaved: (issued: { url: string; name: string } | null) => void;
}) {
  const m = useMessages(queueMessages);
  const d = m.devices;
  const { fail } = useFeedback();
  const [form] = Form.useForm<DeviceInput>();
  const [saving, setSaving] = useState(false);
  const save = async (values: DeviceInput) => {
    setSaving(true);
    try {
      const body = { ...values, areaIds: values.areaIds ?? [], roomIds: values.roomIds ?? [] };
      if (device) {
        await queueApi.updateDevice(device.id, body);
        onSaved(null);
      } else {
        const r = await queueApi.registerDevice(body);
        onSaved({ url: r.url, name: r.device.name });
      }
    } catch (error) {
      if (isApiError(error) && error.errors?.length) form.setFields(error.errors.map((e) => ({ name: e.field as keyof DeviceInput, errors: [e.message] })));
      else fail(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={device ? device.name : d.register} okText={m.save} cancelText={m.cancel} confirmLoading={saving} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save}
        initialValues={device ? { name: device.name, kind: device.kind, areaIds: device.areaIds, roomIds: device.roomIds, voice: device.voice } : { kind: 'big_screen', areaIds: [], roomIds: [], voice: true }}>
        <Form.Item name="name" label={d.name} rules={[{ required: true, max: 60 }]}><Input /></Form.Item>
        <Form.Item name="kind" label={d.kind} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: m.deviceKind[k] }))} />
        </Form.Item>
        <Form.Item name="areaIds" label={d.areas}><Select mode="multiple" options={areas} /></Form.Item>
        <Form.Item name="roomIds" label={d.rooms}><Select mode="multiple" options={rooms} optionFilterProp="label" /></Form.Item>
        <Form.Item name="voice" label={d.voice} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}

function TokenModal({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  const m = useMessages(queueMessages);
  const d = m.devices;
  const { message } = useFeedback();
  const full = `${window.location.origin}${url}`;
  return (
    <Modal open title={`${d.tokenTitle} · ${name}`} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{m.confirm}</Button>}>
      <Space direction="vertical" align="center" style={{ width: '100%' }}>
        <QRCodeSVG value={full} size={200} marginSize={2} data-testid="device-qr" />
        <Typography.Paragraph copyable={{ text: full, onCopy: () => message.success(d.copied) }} style={{ wordBreak: 'break-all' }} data-testid="device-url">{full}</Typography.Paragraph>
        <Typography.Text type="secondary">{d.tokenHint}</Typography.Text>
      </Space>
    </Modal>
  );
}
