import { Empty, Flex, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useMessages } from '@kangyun/web-shell/i18n';
import { orgMessages } from '../messages/org';
import type { Id, OrgNode } from '../types';
import { OrgNodeIcon } from './OrgNodeIcon';

function matches(node: OrgNode, text: string): boolean {
  return node.name.toLowerCase().includes(text) || node.code.toLowerCase().includes(text);
}

/** Keeps nodes that match, and the ancestors of nodes that match. */
function filterTree(nodes: OrgNode[], text: string): OrgNode[] {
  if (!text) return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children ?? [], text);
    return matches(node, text) || children.length ? [{ ...node, children: matches(node, text) ? node.children ?? [] : children }] : [];
  });
}

function toTreeData(nodes: OrgNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <Flex gap={6} align="center" style={{ display: 'inline-flex' }}>
        <span>{node.name}</span>
        <Tag bordered={false} style={{ marginInlineEnd: 0, fontSize: 12 }}>
          {node.code}
        </Tag>
      </Flex>
    ),
    icon: <OrgNodeIcon kind={node.kind} />,
    children: toTreeData(node.children ?? []),
  }));
}

function allKeys(nodes: OrgNode[]): Id[] {
  return nodes.flatMap((n) => [n.id, ...allKeys(n.children ?? [])]);
}

export function OrgTreePanel({ tree, selectedId, onSelect }: { tree: OrgNode[]; selectedId?: Id; onSelect: (id: Id) => void }) {
  const m = useMessages(orgMessages);
  const [search, setSearch] = useState('');
  const text = search.trim().toLowerCase();
  const filtered = useMemo(() => filterTree(tree, text), [tree, text]);
  const data = useMemo(() => toTreeData(filtered), [filtered]);
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const expandedKeys = text ? allKeys(filtered) : expanded ?? allKeys(tree);

  return (
    <Flex vertical gap={12}>
      <Input.Search allowClear placeholder={m.searchPlaceholder} value={search} onChange={(e) => setSearch(e.target.value)} />
      {data.length ? (
        <Tree
          showIcon
          blockNode
          treeData={data}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] !== undefined && onSelect(keys[0] as Id)}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ? m.noMatch : m.empty} />
      )}
    </Flex>
  );
}
