import { Button, Card, Flex, InputNumber, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCan } from '@kangyun/web-shell/session';
import { planningApi } from '../api';
import { today } from '../common/time';
import { planningMessages } from '../messages';
import type { Holiday } from '../types';
import { HolidayModal, ImportHolidaysModal } from './HolidayModals';
import { SeasonsCard } from './SeasonsCard';

/** 节假日与时令: the holiday calendar (region-wide and the institution's own) and the seasonal hours */
export default function HolidaysPage() {
  const m = useMessages(planningMessages);
  const h = m.holidays;
  const manage = useCan()('schedule.manage');
  const { message, fail } = useFeedback();
  const [year, setYear] = useState(Number(today().slice(0, 4)));
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useRequest((signal) => planningApi.holidays(year, signal), [year]);

  const remove = async (x: Holiday) => {
    try {
      await planningApi.deleteHoliday(x.id);
      message.success(m.common.deleted);
      list.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <PageHeader title={h.title} subtitle={h.subtitle}
        extra={manage ? (
          <>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>{h.import}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{h.addTitle}</Button>
          </>
        ) : null} />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
            <span>{h.year}</span>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </Flex>
          <ProblemAlert error={list.error} onRetry={list.reload} />
          <Table<Holiday> rowKey="id" size="small" loading={list.loading} dataSource={list.data ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: h.day, dataIndex: 'day', width: 120 },
              { title: m.templates.weekday, width: 90, render: (_, x) => m.weekday[dayjs(x.day).day() === 0 ? 7 : dayjs(x.day).day()] },
              { title: h.kind, width: 110, render: (_, x) => (x.kind === 'holiday' ? <Tag color="red">{h.holiday}</Tag> : <Tag color="orange">{h.workday}</Tag>) },
              { title: h.worksAs, width: 110, render: (_, x) => (x.worksAs ? m.weekday[x.worksAs] : '') },
              { title: h.name, dataIndex: 'name' },
              { title: h.scope, width: 90, render: (_, x) => (x.regionWide ? <Tooltip title={h.readonly}><Tag>{h.region}</Tag></Tooltip> : <Tag color="blue">{h.own}</Tag>) },
              ...(manage ? [{
                title: m.common.actions, key: 'a', width: 130,
                render: (_: unknown, x: Holiday) => (x.editable ? (
                  <Space size={4}>
                    <Button type="link" size="small" onClick={() => setEditing(x)}>{m.common.edit}</Button>
                    <Popconfirm title={m.common.confirmDelete} onConfirm={() => remove(x)} okText={m.common.delete} cancelText={m.common.cancel}>
                      <Button type="link" size="small" danger>{m.common.delete}</Button>
                    </Popconfirm>
                  </Space>
                ) : null),
              }] : []),
            ]}
          />
        </Card>
        <SeasonsCard manage={manage} />
      </Flex>
      <HolidayModal holiday={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />
      <ImportHolidaysModal open={importing} year={year} onClose={() => setImporting(false)} onDone={() => { setImporting(false); list.reload(); }} />
    </>
  );
}
