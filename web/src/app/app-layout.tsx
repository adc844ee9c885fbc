import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Spin, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { useIsMobile } from '../ui/use-is-mobile';
import { useAuth, useMe } from './auth';
import { features } from './features';
import { buildMenuItems, selectedMenuKey, visibleMenuEntries } from './menu';
import { RouteErrorBoundary } from './route-error-boundary';
import { LanguageSwitch } from './language-switch';
import { TodoBadge } from './todo-badge';

const headerHeight = 56;
/** The bell opens the inbox once a feature registers a page at /inbox. */
const hasInboxPage = features.some((feature) => feature.routes.some((route) => route.path === '/inbox'));
const brandRed = '#c8161d';

/** The signed-in frame: header, permission-filtered menu (a drawer on phones) and the page. */
export function AppLayout() {
  const { t } = useI18n();
  const me = useMe();
  const { can, logout } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const entries = useMemo(() => visibleMenuEntries(features, can), [can]);
  const menuItems = useMemo(() => buildMenuItems(entries, t), [entries, t]);
  const selected = selectedMenuKey(entries, location.pathname);
  const roleNames = me.user.roles.map((role) => t(`role.${role}`)).join('、');

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    void navigate(key);
  };

  const menu = (
    <Menu
      mode="inline"
      items={menuItems}
      selectedKeys={selected ? [selected] : []}
      onClick={onMenuClick}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-menu"
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'account', icon: <UserOutlined />, label: t('header.account') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'account') void navigate('/account');
      if (key === 'logout') {
        void logout().then(() => navigate('/login', { replace: true }));
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          height: headerHeight,
          lineHeight: `${headerHeight}px`,
          paddingInline: isMobile ? 8 : 20,
          background: brandRed,
          color: '#fff',
        }}
      >
        <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
          <Flex align="center" gap={isMobile ? 4 : 12} style={{ minWidth: 0 }}>
            {isMobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('header.menu')}
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
                style={{ color: '#fff' }}
              />
            ) : null}
            <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Typography.Text>
            <Typography.Text
              data-testid="street-name"
              ellipsis
              style={{ color: 'rgba(255,255,255,0.9)', fontSize: isMobile ? 14 : 15, minWidth: 0 }}
            >
              {me.user.tenant.name}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={isMobile ? 0 : 8} style={{ color: '#fff', flexShrink: 0 }}>
            <TodoBadge onOpen={hasInboxPage ? () => void navigate('/inbox') : undefined} />
            <LanguageSwitch compact={isMobile} />
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" style={{ color: '#fff', height: 40 }} data-testid="user-menu">
                <Flex align="center" gap={8}>
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.25)' }} />
                  {isMobile ? null : (
                    <Flex vertical align="start" style={{ lineHeight: 1.2 }}>
                      <span data-testid="user-name">{me.user.displayName}</span>
                      <span style={{ fontSize: 12, opacity: 0.85 }} data-testid="user-roles">
                        {roleNames}
                      </span>
                    </Flex>
                  )}
                </Flex>
              </Button>
            </Dropdown>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={264}
            title={
              <Flex vertical>
                <span>{me.user.displayName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  {roleNames}
                </Typography.Text>
              </Flex>
            }
            styles={{ body: { padding: 0 } }}
            data-testid="menu-drawer"
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            width={220}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            style={{
              position: 'sticky',
              top: headerHeight,
              height: `calc(100vh - ${headerHeight}px)`,
              overflowY: 'auto',
            }}
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <RouteErrorBoundary resetKey={location.pathname}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
