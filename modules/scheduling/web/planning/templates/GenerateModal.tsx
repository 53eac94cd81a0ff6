import { Alert, Button, Col, DatePicker, Form, Modal, Progress, Row, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { planningApi } from '../api';
import { showFormError } from '../common/forms';
import { DepartmentSelect } from '../common/pickers';
import { today } from '../common/time';
import { planningMessages } from '../messages';
import type { Generation } from '../types';

interface Values {
  range: [Dayjs, Dayjs];
  departmentId?: number;
}

/** starts a generation run in the background and follows its progress until it is done */
export function GenerateModal({ open, departmentId, onClose, onDone }: { open: boolean; departmentId?: number; onClose: () => void; onDone: () => void }) {
  const m = useMessages(planningMessages);
  const g = m.generate;
  const [form] = Form.useForm<Values>();
  const { fail } = useFeedback();
  const [run, setRun] = useState<Generation | null>(null);
  const [starting, setStarting] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (open) {
      setRun(null);
      form.setFieldsValue({ range: [dayjs(today()), dayjs(today()).add(27, 'day')], departmentId });
    }
    return () => window.clearTimeout(timer.current);
  }, [open, departmentId, form]);

  const poll = (id: number) => {
    timer.current = window.setTimeout(async () => {
      try {
        const next = await planningApi.generation(id);
        setRun(next);
        if (next.status === 'running') poll(id);
        else onDone();
      } catch (error) {
        fail(error);
      }
    }, 500);
  };

  const start = async (v: Values) => {
    setStarting(true);
    try {
      const started = await planningApi.generate({ from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD'), departmentId: v.departmentId, async: true });
      setRun(started);
      if (started.status === 'running') poll(started.id);
      else onDone();
    } catch (error) {
      showFormError(form, error, fail);
    } finally {
      setStarting(false);
    }
  };

  const running = run?.status === 'running';
  return (
    <Modal open={open} title={g.title} onCancel={onClose} destroyOnHidden width={620}
      footer={[
        <Button key="close" onClick={onClose}>{m.common.close}</Button>,
        <Button key="start" type="primary" loading={starting || running} disabled={running} onClick={() => form.submit()}>{g.start}</Button>,
      ]}>
      <Alert type="info" showIcon title={g.hint} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={start} preserve={false}>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="range" label={g.range} rules={[{ required: true }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(today()), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="departmentId" label={g.department}>
              <DepartmentSelect onlyWithResources style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {run ? (
        <>
          <Progress percent={run.percent} status={run.status === 'failed' ? 'exception' : run.status === 'done' ? 'success' : 'active'}
            format={() => g.days(run.daysDone, run.daysTotal)} />
          <div style={{ margin: '8px 0' }}>{run.status === 'running' ? g.running : run.status === 'done' ? g.done : `${g.failed}${run.error ? `：${run.error}` : ''}`}</div>
          <Row gutter={12}>
            <Col span={6}><Statistic title={g.created} value={run.created} /></Col>
            <Col span={6}><Statistic title={g.skipped} value={run.skipped} /></Col>
            <Col span={6}><Statistic title={g.moved} value={run.movedByHoliday} /></Col>
            <Col span={6}><Statistic title={g.skippedByHoliday} value={run.skippedByHoliday} /></Col>
          </Row>
        </>
      ) : null}
    </Modal>
  );
}
