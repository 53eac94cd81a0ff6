import { Button, Card, Col, Row, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { PageHeader } from '@kangyun/web-shell/components/PageHeader';
import { ProblemAlert } from '@kangyun/web-shell/components/ProblemAlert';
import { Can } from '@kangyun/web-shell/components/RequirePermission';
import { useMessages } from '@kangyun/web-shell/i18n';
import { orgMessages } from '../messages/org';
import { findNode } from '../orgTree';
import type { Id } from '../types';
import { useOrgTree } from '../useOrgTree';
import { OrgDetail } from './OrgDetail';
import { OrgNodeModal, type OrgDialog } from './OrgNodeModal';
import { OrgTreePanel } from './OrgTreePanel';

export default function OrgPage() {
  const m = useMessages(orgMessages);
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<Id>();
  const [dialog, setDialog] = useState<OrgDialog | null>(null);
  const selected = selectedId && tree.data ? findNode(tree.data, selectedId) : undefined;

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <Can permission="org.manage">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: null })}>
              {m.addRoot}
            </Button>
          </Can>
        }
      />
      <ProblemAlert error={tree.error} onRetry={tree.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card title={m.structure} variant="borderless">
            {tree.loading && !tree.data ? (
              <Skeleton active />
            ) : (
              <OrgTreePanel tree={tree.data ?? []} selectedId={selectedId} onSelect={setSelectedId} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <Card title={m.details} variant="borderless">
            <OrgDetail
              node={selected?.node}
              parents={selected?.parents ?? []}
              onEdit={(node) => setDialog({ mode: 'edit', node })}
              onAddChild={(node) => setDialog({ mode: 'create', parent: node })}
            />
          </Card>
        </Col>
      </Row>
      <OrgNodeModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={(node) => {
          setDialog(null);
          if (node?.id) setSelectedId(node.id);
          tree.reload();
        }}
      />
    </>
  );
}
