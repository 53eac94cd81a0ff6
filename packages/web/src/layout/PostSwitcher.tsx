import { Button, Dropdown, Grid, Typography } from 'antd';
import { BankOutlined, CheckOutlined, SwapOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api } from '../api';
import { useFeedback } from '../feedback';
import { useMessages } from '../i18n';
import { shellMessages } from '../messages';
import { useSession, useSessionContext } from '../session';
import { sameId, type Assignment, type SessionInfo } from '../types';

export function postLabel(a: Assignment, noDepartment: string): string {
  return `${a.institutionName} · ${a.departmentName ?? noDepartment} · ${a.roleName}`;
}

/** Institution / department / role switcher for staff who hold more than one post. */
export function PostSwitcher() {
  const m = useMessages(shellMessages);
  const session = useSession();
  const { setSession } = useSessionContext();
  const { message, fail } = useFeedback();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const current = session.assignments.find((a) => sameId(a.id, session.currentAssignmentId));
  const compact = !screens.md;

  const label = current ? (compact ? current.institutionName : postLabel(current, m.noDepartment)) : m.switchPost;

  if (session.assignments.length <= 1) {
    return (
      <Typography.Text className="header-post" ellipsis title={current ? postLabel(current, m.noDepartment) : undefined}>
        <BankOutlined style={{ marginRight: 6 }} />
        {label}
      </Typography.Text>
    );
  }

  const switchTo = async (assignment: Assignment) => {
    if (sameId(assignment.id, session.currentAssignmentId)) return;
    try {
      const next = await api.post<SessionInfo>('/api/auth/switch', { assignmentId: assignment.id });
      setSession(next);
      message.success(m.switched(postLabel(assignment, m.noDepartment)));
      navigate('/');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: session.currentAssignmentId != null ? [String(session.currentAssignmentId)] : [],
        items: [
          { type: 'group', key: 'title', label: m.switchPost },
          ...session.assignments.map((a) => ({
            key: String(a.id),
            icon: sameId(a.id, session.currentAssignmentId) ? <CheckOutlined /> : <span style={{ width: 14, display: 'inline-block' }} />,
            label: postLabel(a, m.noDepartment),
          })),
        ],
        onClick: ({ key }) => {
          const target = session.assignments.find((a) => sameId(a.id, key));
          if (target) void switchTo(target);
        },
      }}
    >
      <Button type="text" className="header-post" title={m.switchPost} icon={<SwapOutlined />}>
        <span className="header-post-label">{label}</span>
      </Button>
    </Dropdown>
  );
}
