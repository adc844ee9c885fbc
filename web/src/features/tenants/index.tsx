import { GlobalOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'tenants',
  messages,
  menu: [{ path: '/tenants', labelKey: 'tenants.menu', icon: <GlobalOutlined />, permission: 'tenant.manage', group: 'system' }],
  routes: [{ path: '/tenants', element: lazy(() => import('./tenants-page')), permission: 'tenant.manage' }],
});
