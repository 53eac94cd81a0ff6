import { useRef, useState } from 'react';
import { Button, Card, Dropdown, Flex, Input, Modal, Select, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { ReloadOutlined, ScanOutlined } from '@ant-design/icons';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { isApiError } from '@kangyun/web-shell/api';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { queueApi } from '../api';
import { queueMessages } from '../messages';
import { hhmm, StatusTag } from '../labels';
import type { CheckinCandidate, CheckinResult, PriorityGroup, QueueRow } from '../types';

const PRIORITIES: PriorityGroup[] = ['emergency', 'military', 'disabled', 'elderly'];

/**
 * 分诊签到: the nurse scans the booking slip's QR code (a scanner types it and Enter) or types the
 * appointment number or part of a name; a scanned slip is checked in at once. Outside the window
 * the refusal says when it is open; staff who manage queues may override it with a reason.
 */
export default function CheckinDeskPage() {
  const m = useMessages(queueMessages);
  const d = m.desk;
  const can = useCan();
  const { message, fail } = useFeedback();
  const [text, setText] = useState('');
  const [departmentId, setDepartmentId] = useState<number | undefined>();
  const [query, setQuery] = useState<{ q: string; n: number }>({ q: '', n: 0 });
  const [override, setOverride] = useState<{ candidate: CheckinCandidate; title: string } | null>(null);
  const [reason, setReason] = useState('');
  const input = useRef<InputRef>(null);

  const departments = useRequest((signal) => queueApi.departments(signal), []);
  const list = useRequest((signal) => queueApi.candidates(query.q, departmentId, signal), [query, departmentId]);
  const queues = useRequest((signal) => queueApi.queues(departmentId, signal), [departmentId]);

  const announce = (r: CheckinResult) => {
    if (r.kind === 'checkin') message.success(`${d.done(r.ticket, r.name, r.ahead)}${r.late ? `（${d.lateNote}）` : ''}`, 6);
    else message.success(d.back(r.ticket, r.kind === 'return' ? d.returnKind : d.rejoinKind), 6);
  };

  const checkIn = async (c: CheckinCandidate, priority?: PriorityGroup, overrideReason?: string) => {
    try {
      announce(await queueApi.checkIn({ appointmentId: c.appointmentId, ...(priority ? { priority } : {}), ...(overrideReason ? { override: { reason: overrideReason } } : {}) }));
      setOverride(null);
      setReason('');
      list.reload();
      queues.reload();
    } catch (error) {
      if (isApiError(error) && (error.code === 'checkin_not_yet' || error.code === 'checkin_closed') && can('queue.manage')) setOverride({ candidate: c, title: error.title });
      else fail(error);
    } finally {
      input.current?.focus();
    }
  };

  const search = async () => {
    const q = text.trim();
    setText('');
    // a scanned slip (…/m/checkin/<id>) or a bare number that is one booking not yet checked in: check in at once
    if (/\/m\/checkin\/\d+|^\d+$/.test(q)) {
      try {
        const found = await queueApi.candidates(q, undefined);
        if (found.length === 1 && !found[0].entryId) {
          await checkIn(found[0]);
          setQuery({ q, n: query.n + 1 });
          return;
        }
      } catch (error) {
        fail(error);
      }
    }
    setQuery({ q, n: query.n + 1 });
  };

  const stateOf = (c: CheckinCandidate) => {
    if (c.entryStatus) return <Space size={4}><StatusTag status={c.entryStatus} /><Typography.Text strong>{d.checkedIn(c.ticket ?? 0)}</Typography.Text></Space>;
    return <Tag>{c.status === 'fulfilled' ? d.fulfilled : d.booked}</Tag>;
  };

  return (
    <>
      <PageHeader title={d.title} subtitle={d.subtitle} extra={<Button icon={<ReloadOutlined />} onClick={() => { list.reload(); queues.reload(); }}>{m.refresh}</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input
            ref={input}
            autoFocus
            size="large"
            prefix={<ScanOutlined />}
            style={{ flex: '1 1 320px' }}
            placeholder={d.scanPlaceholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void search()}
            data-testid="checkin-scan"
          />
          <Select
            size="large"
            allowClear
            style={{ width: 200 }}
            placeholder={d.allDepartments}
            value={departmentId}
            onChange={setDepartmentId}
            options={(departments.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
          <Button size="large" type="primary" onClick={() => void search()}>{d.search}</Button>
        </Flex>
      </Card>
      <ProblemAlert error={list.error} onRetry={list.reload} />
      <Table<CheckinCandidate>
        rowKey="appointmentId"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: d.empty }}
        scroll={{ x: 900 }}
        columns={[
          { title: d.time, render: (_, c) => `${hhmm(c.startsAt)} · ${m.ticket(c.seq)}`, width: 130 },
          { title: d.patient, render: (_, c) => <Space><span>{c.name}</span><Typography.Text type="secondary">{[c.sex === 'male' ? '男' : c.sex === 'female' ? '女' : '', c.age != null ? `${c.age}岁` : ''].join(' ')}</Typography.Text></Space> },
          { title: d.resource, render: (_, c) => `${c.departmentName} · ${c.resourceName}` },
          { title: d.room, dataIndex: 'room' },
          { title: d.state, render: (_, c) => stateOf(c), width: 200 },
          {
            title: m.calling.actions, width: 150, render: (_, c) => {
              const again = c.entryStatus === 'done' || c.entryStatus === 'missed';
              if (c.entryId && !again) return null;
              return (
                <Dropdown.Button
                  type="primary"
                  onClick={() => void checkIn(c)}
                  menu={{ items: PRIORITIES.map((p) => ({ key: p, label: `${d.checkinPriority} · ${m.priority[p]}` })), onClick: ({ key }) => void checkIn(c, key as PriorityGroup) }}
                  data-testid={`checkin-${c.appointmentId}`}
                >
                  {again ? (c.entryStatus === 'done' ? d.returnKind : d.rejoinKind) : d.checkin}
                </Dropdown.Button>
              );
            },
          },
        ]}
      />
      <Card title={d.queues} style={{ marginTop: 16 }} size="small">
        <Table<QueueRow>
          rowKey="id"
          size="small"
          pagination={false}
          loading={queues.loading}
          dataSource={queues.data ?? []}
          columns={[
            { title: d.queueName, render: (_, q) => `${q.departmentName ?? ''} · ${q.name}` },
            { title: d.room, render: (_, q) => q.rooms.join('、') },
            { title: d.waiting, dataIndex: 'waiting', width: 90 },
            { title: d.current, dataIndex: 'current', width: 90 },
            { title: d.finished, dataIndex: 'done', width: 90 },
          ]}
        />
      </Card>
      <Modal
        open={!!override}
        title={d.override}
        okText={d.checkin}
        cancelText={m.cancel}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onOk={() => override && void checkIn(override.candidate, undefined, reason.trim())}
        onCancel={() => setOverride(null)}
      >
        <Typography.Paragraph type="warning">{override?.title}</Typography.Paragraph>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={d.overrideReason} maxLength={200} />
      </Modal>
    </>
  );
}
