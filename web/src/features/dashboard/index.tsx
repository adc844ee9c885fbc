import { DashboardOutlined, FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'dashboard',
  messages,
  menu: [
    { path: '/dashboard', labelKey: 'dashboard.menu', icon: <DashboardOutlined />, permission: 'dashboard.read', group: 'data' },
    { path: '/ledgers', labelKey: 'dashboard.ledgers', icon: <FolderOpenOutlined />, permission: 'ledger.read', group: 'data' },
    { path: '/inbox', labelKey: 'dashboard.inbox', icon: <InboxOutlined />, permission: 'inbox.read' },
  ],
  routes: [
    { path: '/dashboard', element: lazy(() => import('./dashboard-page')), permission: 'dashboard.read' },
    { path: '/dashboard/report', element: lazy(() => import('./report-page')), permission: 'dashboard.read' },
    { path: '/dashboard/metrics/:id', element: lazy(() => import('./records-page')), permission: 'dashboard.read' },
    { path: '/ledgers', element: lazy(() => import('./ledgers-page')), permission: 'ledger.read' },
    { path: '/inbox', element: lazy(() => import('./inbox-page')), permission: 'inbox.read' },
  ],
  // The big screen stands alone (no layout, full screen); its API calls still need a session.
  publicRoutes: [{ path: '/big-screen', element: lazy(() => import('./big-screen-page')) }],
});
