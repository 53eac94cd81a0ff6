import { Col, Form, Row, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { DepartmentSelect } from '../components/DepartmentSelect';
import { InstitutionSelect } from '../components/InstitutionSelect';
import { RoleSelect } from '../components/RoleSelect';
import { commonMessages } from '../messages/common';
import type { Id, OrgNode } from '../types';

type Path = (string | number)[];

interface Props {
  form: FormInstance;
  tree: OrgNode[] | undefined;
  /** Name prefix as seen by Form.Item (relative inside a Form.List). */
  name: Path;
  /** The same prefix from the form root, for watching and resetting values. */
  absolute: Path;
  extra?: ReactNode;
}

/** Institution → department → role for one post; changing the institution clears the other two. */
export function AssignmentInputs({ form, tree, name, absolute, extra }: Props) {
  const m = useMessages(commonMessages);
  const institutionId = Form.useWatch<Id | undefined>([...absolute, 'institutionId'], form);
  return (
    <Row gutter={8} align="top" wrap>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'institutionId']} label={m.institution} rules={[{ required: true, message: m.selectInstitution }]}>
          <InstitutionSelect
            tree={tree}
            onChange={() =>
              form.setFields([
                { name: [...absolute, 'departmentId'], value: null },
                { name: [...absolute, 'roleId'], value: undefined },
              ])
            }
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'departmentId']} label={m.department}>
          <DepartmentSelect tree={tree} institutionId={institutionId} />
        </Form.Item>
      </Col>
      <Col xs={extra ? 20 : 24} md={extra ? 7 : 8}>
        <Form.Item name={[...name, 'roleId']} label={m.role} rules={[{ required: true, message: m.selectRole }]}>
          <RoleSelect institutionId={institutionId} />
        </Form.Item>
      </Col>
      {extra ? (
        <Col xs={4} md={1} style={{ paddingTop: 30 }}>
          {extra}
        </Col>
      ) : null}
    </Row>
  );
}
