// STUB: the dashboard feature will replace this whole folder.
import { createElement } from 'react';
import { DashboardOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature-manifest';
import { lazyPlaceholder } from '../../ui/lazy-placeholder';

export default defineFeature({
  key: 'dashboard',
  messages: {
    zh: { 'dashboard.menu': '数据大屏', 'dashboard.ledgers': '台账中心' },
    en: { 'dashboard.menu': 'Dashboard', 'dashboard.ledgers': 'Ledgers' },
  },
  menu: [
    { path: '/dashboard', labelKey: 'dashboard.menu', icon: createElement(DashboardOutlined), permission: 'dashboard.read', group: 'data' },
    { path: '/ledgers', labelKey: 'dashboard.ledgers', icon: createElement(FolderOpenOutlined), permission: 'ledger.read', group: 'data' },
  ],
  routes: [
    { path: '/dashboard', element: lazyPlaceholder('dashboard.menu'), permission: 'dashboard.read' },
    { path: '/ledgers', element: lazyPlaceholder('dashboard.ledgers'), permission: 'ledger.read' },
  ],
});
