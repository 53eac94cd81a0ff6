import { useState } from 'react';
import { Input, List, Modal, Select, Typography } from 'antd';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { queueApi } from '../api';
import { queueMessages } from '../messages';
import { hhmm } from '../labels';
import type { SessionOption } from '../types';

export function HoldModal({ onOk, onCancel }: { onOk: (reason: string) => void; onCancel: () => void }) {
  const m = useMessages(queueMessages);
  const [reason, setReason] = useState('');
  return (
    <Modal open title={m.calling.hold} okText={m.confirm} cancelText={m.cancel} okButtonProps={{ disabled: !reason.trim() }} onOk={() => onOk(reason.trim())} onCancel={onCancel}>
      <Input autoFocus value={reason} maxLength={100} placeholder={m.calling.holdReason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}

export function TransferModal({ sessions, onOk, onCancel }: { sessions: SessionOption[]; onOk: (sessionId: number) => void; onCancel: () => void }) {
  const m = useMessages(queueMessages);
  const [sessionId, setSessionId] = useState<number>();
  return (
    <Modal open title={m.calling.transfer} okText={m.confirm} cancelText={m.cancel} okButtonProps={{ disabled: !sessionId }} onOk={() => sessionId && onOk(sessionId)} onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{m.calling.transferTo}</Typography.Paragraph>
      <Select
        showSearch
        optionFilterProp="label"
        style={{ width: '100%' }}
        value={sessionId}
        onChange={setSessionId}
        options={sessions.map((s) => ({ value: s.sessionId, label: `${s.departmentName} · ${s.resourceName} · ${hhmm(s.startsAt)}–${hhmm(s.endsAt)}${s.room ? ` · ${s.room}` : ''}` }))}
      />
    </Modal>
  );
}

export function RoomsModal({ rooms, onOk, onCancel }: { rooms: string[]; onOk: (rooms: string[]) => void; onCancel: () => void }) {
  const m = useMessages(queueMessages);
  const [value, setValue] = useState<string[]>(rooms);
  const options = useRequest((signal) => queueApi.sessions({}, signal), []);
  const known = [...new Set([...(options.data ?? []).map((s) => s.room).filter((r): r is string => !!r), ...rooms])];
  return (
    <Modal open title={m.calling.changeRoom} okText={m.save} cancelText={m.cancel} okButtonProps={{ disabled: !value.length }} onOk={() => onOk(value)} onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{m.calling.changeRoomHint}</Typography.Paragraph>
      <Select mode="tags" style={{ width: '100%' }} value={value} onChange={setValue} options={known.map((r) => ({ value: r, label: r }))} />
    </Modal>
  );
}

/** 动态加号: find the patient; the scheduling module books the add-on number, the queue checks them in */
export function AddOnModal({ onOk, onCancel }: { onOk: (patientId: number) => void; onCancel: () => void }) {
  const m = useMessages(queueMessages);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number>();
  const found = useRequest((signal) => queueApi.searchPatients(q, signal), [q], { enabled: q.trim().length >= 1 });
  return (
    <Modal open title={m.calling.addOn} okText={m.calling.addOn} cancelText={m.cancel} okButtonProps={{ disabled: !picked }} onOk={() => picked && onOk(picked)} onCancel={onCancel}>
      <Typography.Paragraph type="secondary">{m.calling.addOnHint}</Typography.Paragraph>
      <Input.Search allowClear placeholder={m.calling.patientSearch} onSearch={(v) => { setQ(v.trim()); setPicked(undefined); }} enterButton />
      <List
        style={{ marginTop: 12, maxHeight: 320, overflow: 'auto' }}
        loading={found.loading && q.length > 0}
        dataSource={q ? found.data?.items ?? [] : []}
        renderItem={(p) => (
          <List.Item onClick={() => setPicked(p.id)} style={{ cursor: 'pointer', background: picked === p.id ? '#e6f4ff' : undefined, paddingInline: 8 }}>
            <List.Item.Meta title={`${p.name}${p.age != null ? ` · ${p.age}岁` : ''}`} description={`${p.mrn} · ${p.idNumberMasked}`} />
          </List.Item>
        )}
      />
    </Modal>
  );
}
