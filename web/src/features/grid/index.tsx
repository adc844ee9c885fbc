import { AlertOutlined, AppstoreOutlined, ReconciliationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'grid',
  messages,
  menu: [
    { path: '/grid', labelKey: 'grid.menu', icon: <AppstoreOutlined />, permission: 'grid.read', group: 'governance' },
    { path: '/hazards', labelKey: 'grid.hazards', icon: <AlertOutlined />, permission: 'hazard.read', group: 'governance' },
    { path: '/rectifications', labelKey: 'grid.rectifications', icon: <ReconciliationOutlined />, permission: 'rectification.read', group: 'governance' },
  ],
  routes: [
    { path: '/grid', element: lazy(() => import('./grid-map-page')), permission: 'grid.read' },
    { path: '/hazards', element: lazy(() => import('./hazards-page')), permission: 'hazard.read' },
    { path: '/hazards/new', element: lazy(() => import('./report-hazard-page')), permission: 'hazard.report' },
    { path: '/hazards/:id', element: lazy(() => import('./hazard-detail-page')), permission: 'hazard.read' },
    { path: '/rectifications', element: lazy(() => import('./rectifications-page')), permission: 'rectification.read' },
  ],
});

