import { AutoComplete, Button, Col, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMessages } from '@kangyun/web-shell/i18n';
import { patientMessages } from '../messages';

const PHONE = /^[0-9+\-() ]{5,20}$/;

/** Emergency contacts: name, relationship (with common suggestions) and phone. */
export function ContactsFields() {
  const m = useMessages(patientMessages);
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={12} align="top">
              <Col xs={24} sm={8}>
                <Form.Item name={[field.name, 'name']} label={m.contactName} rules={[{ required: true, whitespace: true, message: m.contactNameRequired }]}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={6}>
                <Form.Item name={[field.name, 'relationship']} label={m.relationship} rules={[{ required: true, whitespace: true, message: m.relationshipRequired }]}>
                  <AutoComplete options={m.relationships.map((r) => ({ value: r }))} showSearch={{ filterOption: true }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name={[field.name, 'phone']} label={m.phone} rules={[{ required: true, message: m.phoneRequired }, { pattern: PHONE, message: m.phoneInvalid }]}>
                  <Input inputMode="tel" maxLength={20} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={2} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 24 }}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={m.removeContact} tabIndex={-1} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ relationship: '' })} block style={{ marginBottom: 24 }}>
            {m.addContact}
          </Button>
        </>
      )}
    </Form.List>
  );
}
