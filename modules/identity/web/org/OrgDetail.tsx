import { Button, Descriptions, Empty, Flex } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Can } from '@kangyun/web-shell/components/RequirePermission';
import { useMessages } from '@kangyun/web-shell/i18n';
import { commonMessages } from '../messages/common';
import { orgMessages } from '../messages/org';
import { childKinds } from '../orgTree';
import type { OrgNode } from '../types';
import { OrgNodeIcon } from './OrgNodeIcon';

interface Props {
  node?: OrgNode;
  parents: OrgNode[];
  onEdit: (node: OrgNode) => void;
  onAddChild: (node: OrgNode) => void;
}

export function OrgDetail({ node, parents, onEdit, onAddChild }: Props) {
  const m = useMessages(orgMessages);
  const c = useMessages(commonMessages);
  if (!node) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.selectHint} />;
  const kinds = childKinds(node);
  return (
    <Flex vertical gap={16}>
      <Descriptions
        column={1}
        bordered
        size="middle"
        items={[
          { key: 'name', label: m.name, children: <Flex gap={8} align="center"><OrgNodeIcon kind={node.kind} />{node.name}</Flex> },
          { key: 'code', label: m.code, children: node.code },
          { key: 'kind', label: m.kind, children: c.kind[node.kind] },
          ...(node.kind === 'institution' && node.institutionType
            ? [{ key: 'type', label: m.institutionType, children: c.institutionType[node.institutionType] ?? node.institutionType }]
            : []),
          { key: 'parent', label: m.parent, children: parents.length ? parents.map((p) => p.name).join(' / ') : '—' },
          { key: 'children', label: m.childCount, children: node.children?.length ?? 0 },
        ]}
      />
      <Can permission="org.manage">
        <Flex gap={8} wrap>
          <Button icon={<EditOutlined />} onClick={() => onEdit(node)}>
            {c.edit}
          </Button>
          {kinds.length ? (
            <Button type="primary" ghost icon={<PlusOutlined />} onClick={() => onAddChild(node)}>
              {kinds.length === 1 ? m.createTitle(c.kind[kinds[0]]) : m.addChild}
            </Button>
          ) : null}
        </Flex>
      </Can>
    </Flex>
  );
}
