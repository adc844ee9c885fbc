import { AuditOutlined, StarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'points',
  messages,
  menu: [
    { path: '/points/mine', labelKey: 'points.mine', icon: <StarOutlined />, permission: 'points.claim', group: 'party' },
    { path: '/points/approvals', labelKey: 'points.approvals', icon: <AuditOutlined />, permission: 'points.approve', group: 'party' },
  ],
  routes: [
    { path: '/points/mine', element: lazy(() => import('./log-work-page')), permission: 'points.claim' },
    { path: '/points/approvals', element: lazy(() => import('./approvals-page')), permission: 'points.approve' },
  ],
});
