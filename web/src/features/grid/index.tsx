import { AlertOutlined, ApiOutlined, AppstoreOutlined, CalendarOutlined, ClusterOutlined, ReconciliationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'grid',
  messages,
  menu: [
    { path: '/grid', labelKey: 'grid.menu', icon: <AppstoreOutlined />, permission: 'grid.read', group: 'governance' },
    { path: '/grid/admin', labelKey: 'grid.admin.menu', icon: <ClusterOutlined />, permission: 'grid.write', group: 'governance' },
    { path: '/hazards', labelKey: 'grid.hazards', icon: <AlertOutlined />, permission: 'hazard.read', group: 'governance' },
    { path: '/rectifications', labelKey: 'grid.rectifications', icon: <ReconciliationOutlined />, permission: 'rectification.read', group: 'governance' },
    { path: '/calendar', labelKey: 'grid.calendar.menu', icon: <CalendarOutlined />, permission: 'calendar.write', group: 'system' },
    { path: '/open311-keys', labelKey: 'grid.keys.menu', icon: <ApiOutlined />, permission: 'open311.keys.manage', group: 'system' },
  ],
  routes: [
    { path: '/grid', element: lazy(() => import('./grid-map-page')), permission: 'grid.read' },
    { path: '/grid/admin', element: lazy(() => import('./grid-admin-page')), permission: 'grid.write' },
    { path: '/hazards', element: lazy(() => import('./hazards-page')), permission: 'hazard.read' },
    { path: '/hazards/new', element: lazy(() => import('./report-hazard-page')), permission: 'hazard.report' },
    { path: '/hazards/:id', element: lazy(() => import('./hazard-detail-page')), permission: 'hazard.read' },
    { path: '/rectifications', element: lazy(() => import('./rectifications-page')), permission: 'rectification.read' },
    { path: '/calendar', element: lazy(() => import('./calendar-page')), permission: 'calendar.read' },
    { path: '/open311-keys', element: lazy(() => import('./open311-keys-page')), permission: 'open311.keys.manage' },
  ],
});
