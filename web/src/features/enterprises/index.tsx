import { AimOutlined, BuildOutlined, ExperimentOutlined, ShopOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'enterprises',
  messages,
  menu: [
    { path: '/enterprises', labelKey: 'enterprises.menu', icon: <ShopOutlined />, permission: 'enterprise.read', group: 'governance' },
    { path: '/enterprises/drills', labelKey: 'enterprises.drills.menu', icon: <AimOutlined />, permission: 'enterprise.read', group: 'governance' },
    { path: '/environment/pollution', labelKey: 'enterprises.env.pollution', icon: <ExperimentOutlined />, permission: 'environment.read', group: 'governance' },
    { path: '/environment/sites', labelKey: 'enterprises.env.sites', icon: <BuildOutlined />, permission: 'environment.read', group: 'governance' },
    { path: '/environment/entries', labelKey: 'enterprises.env.entries', icon: <SolutionOutlined />, permission: 'environment.read', group: 'governance' },
  ],
  routes: [
    { path: '/enterprises', element: lazy(() => import('./enterprises-page')), permission: 'enterprise.read' },
    { path: '/enterprises/drills', element: lazy(() => import('./drills-page')), permission: 'enterprise.read' },
    { path: '/enterprises/:id', element: lazy(() => import('./enterprise-detail-page')), permission: 'enterprise.read' },
    { path: '/environment/pollution', element: lazy(() => import('./pollution-page')), permission: 'environment.read' },
    { path: '/environment/sites', element: lazy(() => import('./sites-page')), permission: 'environment.read' },
    { path: '/environment/entries', element: lazy(() => import('./entries-page')), permission: 'environment.read' },
  ],
});

