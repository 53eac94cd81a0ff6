import { Button, Card, Drawer, Empty, Flex, Form, List, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useMessages } from '@kangyun/web-shell/i18n';
import { staffApi } from '../api';
import { commonMessages } from '../messages/common';
import { staffMessages } from '../messages/staff';
import type { Id, NewAssignment, OrgNode, Staff } from '../types';
import { AssignmentInputs } from './AssignmentInputs';

export function PostsDrawer({ staff, tree, onClose, onChanged }: { staff: Staff | undefined; tree: OrgNode[] | undefined; onClose: () => void; onChanged: () => void }) {
  const m = useMessages(staffMessages);
  const c = useMessages(commonMessages);
  const [form] = Form.useForm<NewAssignment>();
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<Id | null>(null);
  const { message, fail } = useFeedback();

  const add = async (values: NewAssignment) => {
    if (!staff) return;
    setSaving(true);
    try {
      await staffApi.addAssignment(staff.id, { institutionId: values.institutionId, departmentId: values.departmentId || undefined, roleId: values.roleId });
      message.success(m.postAdded);
      form.resetFields();
      onChanged();
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (assignmentId: Id) => {
    if (!staff) return;
    setRemoving(assignmentId);
    try {
      await staffApi.removeAssignment(staff.id, assignmentId);
      message.success(m.postRemoved);
      onChanged();
    } catch (error) {
      fail(error);
    } finally {
      setRemoving(null);
    }
  };

  const onlyOne = (staff?.assignments.length ?? 0) <= 1;

  return (
    <Drawer open={!!staff} title={staff ? m.postsTitle(staff.displayName) : ''} size={640} onClose={onClose} destroyOnHidden>
      {staff?.assignments.length ? (
        <List
          dataSource={staff.assignments}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Tooltip key="remove" title={onlyOne ? m.lastPostHint : undefined}>
                  <Popconfirm title={m.removePostConfirm} onConfirm={() => remove(a.id)} disabled={onlyOne}>
                    <Button type="text" danger icon={<DeleteOutlined />} disabled={onlyOne} loading={removing === a.id}>
                      {m.removePost}
                    </Button>
                  </Popconfirm>
                </Tooltip>,
              ]}
            >
              <List.Item.Meta
                title={a.institutionName}
                description={
                  <Flex gap={8} wrap align="center">
                    <Typography.Text type="secondary">{a.departmentName ?? c.wholeInstitution}</Typography.Text>
                    <Tag color="blue">{a.roleName}</Tag>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description={m.noPosts} />
      )}
      <Card size="small" title={m.addPost} style={{ marginTop: 16 }}>
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ departmentId: null }}>
          <AssignmentInputs form={form} tree={tree} name={[]} absolute={[]} />
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving}>
            {m.addPost}
          </Button>
        </Form>
      </Card>
    </Drawer>
  );
}
