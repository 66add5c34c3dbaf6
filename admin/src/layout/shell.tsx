import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ROLE_LABELS, type StaffRole } from '@mashang/shared';
import { PAGE_ROLES } from '../labels';
import { useUnreadCount } from '../hooks/use-unread';
import { useSession } from '../session/use-session';

interface NavItem {
  path: string;
  label: string;
  roles?: readonly StaffRole[];
}

const NAV: NavItem[] = [
  { path: '/', label: '工单队列' },
  { path: '/desk', label: '热线登记', roles: PAGE_ROLES.desk },
  { path: '/stats', label: '统计报表', roles: PAGE_ROLES.stats },
  { path: '/hotspots', label: '热点分析', roles: PAGE_ROLES.hotspots },
  { path: '/supervisions', label: '督办', roles: PAGE_ROLES.supervisions },
  { path: '/knowledge', label: '知识库', roles: PAGE_ROLES.knowledge },
  { path: '/units', label: '单位', roles: PAGE_ROLES.organisation },
  { path: '/staff', label: '人员', roles: PAGE_ROLES.organisation },
  { path: '/scenes', label: '码点', roles: PAGE_ROLES.organisation },
  { path: '/catalog', label: '派单目录', roles: PAGE_ROLES.catalog },
  { path: '/cases', label: '公开案例', roles: PAGE_ROLES.cases },
  // Last: the menus of the accounts that had every item before keep them where they were.
  { path: '/accountability', label: '排名与约谈', roles: PAGE_ROLES.accountability },
];

function selectedKey(pathname: string): string {
  const hit = NAV.filter((n) => n.path !== '/' && pathname.startsWith(n.path)).map((n) => n.path);
  return hit[0] ?? '/';
}

/** The inbox with its unread count (the staff notices of issue 12). */
function InboxBell() {
  const unread = useUnreadCount();
  return (
    <Link to="/notices" aria-label={`消息，${unread ?? 0} 条未读`} data-testid="inbox-bell" className="inbox-bell">
      <Badge count={unread ?? 0} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 20, color: '#333' }} />
      </Badge>
    </Link>
  );
}

/** Who am I: name, unit and roles, and the way out. */
function WhoAmI() {
  const { staff, unitName, logout } = useSession();
  if (!staff) return null;
  return (
    <Space className="who-am-i" wrap size={4}>
      <Typography.Text strong data-testid="who-name">{staff.name}</Typography.Text>
      {unitName && <Typography.Text type="secondary" data-testid="who-unit">{unitName}</Typography.Text>}
      {staff.roles.map((r) => (
        <Tag key={r}>{ROLE_LABELS[r as StaffRole] ?? r}</Tag>
      ))}
      <Button size="small" onClick={() => void logout()}>
        退出
      </Button>
    </Space>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { has } = useSession();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => !n.roles || has(...n.roles)).map((n) => ({ key: n.path, label: <Link to={n.path}>{n.label}</Link> }));
  return (
    <Layout className="shell">
      <Layout.Header className="shell__header">
        <Link to="/" className="shell__brand">
          码上反映·工作台
        </Link>
        <Menu className="shell__menu" mode="horizontal" selectedKeys={[selectedKey(pathname)]} items={items} />
        <InboxBell />
        <WhoAmI />
      </Layout.Header>
      <Layout.Content className="shell__content">{children}</Layout.Content>
    </Layout>
  );
}
