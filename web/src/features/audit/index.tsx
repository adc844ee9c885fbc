import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'audit',
  messages,
  menu: [{ path: '/audit', labelKey: 'audit.menu', icon: <FileSearchOutlined />, permission: 'audit.read', group: 'system' }],
  routes: [{ path: '/audit', element: lazy(() => import('./audit-page')), permission: 'audit.read' }],
});
