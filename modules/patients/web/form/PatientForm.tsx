import { Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useEnterToNext } from '@kangyun/web-shell/hooks/useEnterToNext';
import { useMessages } from '@kangyun/web-shell/i18n';
import { parseResidentId } from '../idCard';
import { patientMessages } from '../messages';
import type { IdType, Sex } from '../types';
import { ContactsFields } from './ContactsFields';
import type { PatientFormValues } from './formValues';
import { IdNumberHint } from './IdNumberHint';

const MOBILE = /^1[3-9]\d{9}$/;
const idTypes: IdType[] = ['resident_id', 'passport', 'other'];
const sexes: Sex[] = ['male', 'female', 'unknown'];

interface Props {
  form: FormInstance<PatientFormValues>;
  initialValues?: Partial<PatientFormValues>;
  submitting: boolean;
  submitText: string;
  onSubmit: (values: PatientFormValues) => void;
  onCancel: () => void;
}

/**
 * Patient demographics for registration and editing. Enter moves to the next field;
 * a valid resident ID number fills in (and locks) date of birth and sex.
 */
export function PatientForm({ form, initialValues, submitting, submitText, onSubmit, onCancel }: Props) {
  const m = useMessages(patientMessages);
  const idNumber = Form.useWatch('idNumber', form);
  const idType = Form.useWatch('idType', form);
  const [derived, setDerived] = useState(() => initialValues?.idType === 'resident_id' && parseResidentId(initialValues.idNumber ?? '').valid);
  const onKeyDown = useEnterToNext(useCallback(() => form.submit(), [form]));

  const derive = (values: Partial<PatientFormValues>) => {
    const info = values.idType === 'resident_id' ? parseResidentId(values.idNumber ?? '') : undefined;
    if (info?.valid && info.birthDate && info.sex) {
      form.setFieldsValue({ birthDate: dayjs(info.birthDate), sex: info.sex });
      form.setFields([
        { name: 'birthDate', errors: [] },
        { name: 'sex', errors: [] },
      ]);
      setDerived(true);
    } else {
      setDerived(false);
    }
  };

  const idRules =
    idType === 'resident_id'
      ? [
          { required: true, message: m.idNumberRequired },
          {
            validator: async (_: unknown, value?: string) => {
              if (!value) return;
              const info = parseResidentId(value);
              if (info.valid) return;
              throw new Error(
                info.problem === 'checksum' ? m.idChecksum : info.problem === 'date' ? m.idDate : info.problem === 'incomplete' ? m.idIncomplete : m.idFormat,
              );
            },
          },
        ]
      : [{ required: true, whitespace: true, message: m.idNumberRequired }];

  return (
    <Form<PatientFormValues>
      form={form}
      layout="vertical"
      initialValues={{ idType: 'resident_id', sex: undefined, contacts: [], ...initialValues }}
      onFinish={onSubmit}
      onKeyDownCapture={onKeyDown}
      onValuesChange={(changed, all) => {
        if ('idNumber' in changed || 'idType' in changed) derive(all);
      }}
      scrollToFirstError={{ block: 'center', focus: true }}
      autoComplete="off"
      className="patient-form"
    >
      <Card variant="borderless" title={m.basicInfo} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="idType" label={m.idType} rules={[{ required: true, message: m.idTypeRequired }]}>
              <Select options={idTypes.map((t) => ({ value: t, label: m.idTypes[t] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="idNumber" label={m.idNumber} rules={idRules} validateTrigger={['onBlur', 'onSubmit']} extra={idType === 'resident_id' ? <IdNumberHint idNumber={idNumber} /> : undefined}>
              <Input autoFocus maxLength={idType === 'resident_id' ? 18 : 40} className="mono" style={{ letterSpacing: 1 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sex" label={m.sex} rules={[{ required: true, message: m.sexRequired }]} extra={derived ? m.derivedFromId : undefined}>
              <Radio.Group optionType="button" buttonStyle="solid" disabled={derived} options={sexes.map((s) => ({ value: s, label: m.sexes[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="birthDate" label={m.birthDate} rules={[{ required: true, message: m.birthDateRequired }]} extra={derived ? m.derivedFromId : undefined}>
              <DatePicker
                style={{ width: '100%' }}
                format="YYYY-MM-DD"
                disabled={derived}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                placeholder="YYYY-MM-DD"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card variant="borderless" title={m.contactInfo} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="mobile" label={m.mobile} rules={[{ pattern: MOBILE, message: m.mobileInvalid }]}>
              <Input inputMode="numeric" maxLength={11} className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={m.address}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <ContactsFields />
      </Card>
      <Flex gap={8} justify="end" className="form-actions">
        <Button onClick={onCancel}>{m.cancel}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitText}
        </Button>
      </Flex>
    </Form>
  );
}
