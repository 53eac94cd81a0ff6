import { sameId } from '@kangyun/web-shell/types';
import type { Id, OrgKind, OrgNode } from './types';

export function walk(nodes: OrgNode[], visit: (node: OrgNode, parents: OrgNode[]) => void, parents: OrgNode[] = []): void {
  for (const node of nodes) {
    visit(node, parents);
    walk(node.children ?? [], visit, [...parents, node]);
  }
}

export function findNode(nodes: OrgNode[], id: Id): { node: OrgNode; parents: OrgNode[] } | undefined {
  let found: { node: OrgNode; parents: OrgNode[] } | undefined;
  walk(nodes, (node, parents) => {
    if (!found && sameId(node.id, id)) found = { node, parents };
  });
  return found;
}

/** Departments (at any depth) inside one institution. */
export function departmentsOf(nodes: OrgNode[], institutionId: Id): OrgNode[] {
  const institution = findNode(nodes, institutionId)?.node;
  const result: OrgNode[] = [];
  if (institution) walk(institution.children ?? [], (node) => node.kind === 'department' && result.push(node));
  return result;
}

/** What may be created under a node (null = top level). */
export function childKinds(parent: OrgNode | null): OrgKind[] {
  if (!parent) return ['region'];
  if (parent.kind === 'region') return ['region', 'institution'];
  if (parent.kind === 'institution') return ['department'];
  return [];
}

export interface TreeSelectNode {
  value: Id;
  title: string;
  selectable?: boolean;
  disabled?: boolean;
  children?: TreeSelectNode[];
}

/** Regions and institutions for a TreeSelect where only institutions can be chosen. */
export function institutionTreeData(nodes: OrgNode[]): TreeSelectNode[] {
  return nodes
    .filter((node) => node.kind !== 'department')
    .map((node) => {
      const children = institutionTreeData(node.children ?? []);
      return {
        value: node.id,
        title: node.name,
        selectable: node.kind === 'institution',
        children: children.length ? children : undefined,
      };
    })
    .filter((node) => node.selectable || node.children);
}
