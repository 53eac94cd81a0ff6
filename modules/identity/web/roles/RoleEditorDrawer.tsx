import { Alert, Button, Drawer, Flex, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { applyFieldErrors } from '@kangyun/web-shell/forms';
import { useFeedback } from '@kangyun/web-shell/feedback';
import { useRequest } from '@kangyun/web-shell/hooks/useRequest';
import { useMessages } from '@kangyun/web-shell/i18n';
import { useCurrentAssignment } from '@kangyun/web-shell/session';
import { roleApi } from '../api';
import { InstitutionSelect } from '../components/InstitutionSelect';
import { commonMessages } from '../messages/common';
import { roleMessages } from '../messages/roles';
import type { DataScope, Id, OrgNode, Role } from '../types';
import { DataScopeField } from './DataScopeField';
import { PermissionPicker } from './PermissionPicker';

export type RoleEditorTarget = { mode: 'create' } | { mode: 'edit'; role: Role };

interface Values {
  name: string;
  institutionId?: Id;
  dataScope: DataScope;
  permissions: string[];
}

export function RoleEditorDrawer({ target, tree, onClose, onSaved }: { target: RoleEditorTarget | null; tree: OrgNode[] | undefined; onClose: () => void; onSaved: () => void }) {
  const m = useMessages(roleMessages);
  const c = useMessages(commonMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message, fail } = useFeedback();
  const current = useCurrentAssignment();
  const catalogue = useRequest((signal) => roleApi.permissions(signal), [], { enabled: !!target });
  const readOnly = target?.mode === 'edit' && target.role.builtin;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { name, dataScope, permissions, institutionId } = target.role;
      form.setFieldsValue({ name, dataScope, permissions, institutionId: institutionId ?? undefined });
    } else {
      form.setFieldsValue({ dataScope: 'department', permissions: [], institutionId: current?.institutionId });
    }
  }, [target, form, current?.institutionId]);

  const submit = async (values: Values) => {
    if (!target || readOnly) return;
    setSaving(true);
    try {
      const body = { name: values.name.trim(), permissions: values.permissions, dataScope: values.dataScope };
      if (target.mode === 'edit') await roleApi.update(target.role.id, body);
      else await roleApi.create({ ...body, institutionId: values.institutionId ?? null });
      message.success(m.saved(body.name));
      onSaved();
    } catch (error) {
      if (applyFieldErrors(form, error).length || !(error as { errors?: unknown[] }).errors?.length) fail(error);
    } finally {
      setSaving(false);
    }
  };

  const title = !target ? '' : target.mode === 'create' ? m.newTitle : readOnly ? m.viewTitle(target.role.name) : m.editTitle(target.role.name);

  return (
    <Drawer
      open={!!target}
      title={title}
      size={720}
      onClose={onClose}
      destroyOnHidden
      footer={
        readOnly ? null : (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{c.cancel}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {c.save}
            </Button>
          </Flex>
        )
      }
    >
      {readOnly ? <Alert type="info" showIcon title={m.builtinReadonly} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} disabled={readOnly}>
        <Form.Item name="name" label={m.name} rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
        {target?.mode === 'create' ? (
          <Form.Item name="institutionId" label={m.institutionFilter} rules={[{ required: true, message: m.institutionRequired }]}>
            <InstitutionSelect tree={tree} />
          </Form.Item>
        ) : null}
        <Form.Item name="dataScope" label={m.scope} rules={[{ required: true }]}>
          <DataScopeField />
        </Form.Item>
        <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} />
        {catalogue.loading && !catalogue.data ? (
          <Skeleton active />
        ) : (
          <Form.Item
            name="permissions"
            label={`${m.menuPermissions} / ${m.actionPermissions}`}
            rules={[{ validator: async (_, v: string[]) => (v?.length ? undefined : Promise.reject(new Error(m.permissionRequired))) }]}
          >
            <PermissionPicker catalogue={catalogue.data ?? []} disabled={readOnly} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
