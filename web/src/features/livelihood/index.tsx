import { CommentOutlined, FlagOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'livelihood',
  messages,
  menu: [
    { path: '/resettlement', labelKey: 'livelihood.resettlement', icon: <HomeOutlined />, permission: 'resettlement.read', group: 'livelihood' },
    { path: '/campaigns', labelKey: 'livelihood.campaigns', icon: <FlagOutlined />, permission: 'campaign.read', group: 'livelihood' },
    { path: '/cobuild', labelKey: 'livelihood.cobuild', icon: <TeamOutlined />, permission: 'cobuild.read', group: 'livelihood' },
    { path: '/requests', labelKey: 'livelihood.requests', icon: <CommentOutlined />, permission: 'request.read', group: 'livelihood' },
  ],
  routes: [
    { path: '/resettlement', element: lazy(() => import('./resettlement-page')), permission: 'resettlement.read' },
    { path: '/resettlement/projects/:id', element: lazy(() => import('./resettlement-project-page')), permission: 'resettlement.read' },
    { path: '/resettlement/settings', element: lazy(() => import('./resettlement-settings-page')), permission: 'livelihood.settings.read' },
    { path: '/campaigns', element: lazy(() => import('./campaigns-page')), permission: 'campaign.read' },
    { path: '/cobuild', element: lazy(() => import('./cobuild-page')), permission: 'cobuild.read' },
    { path: '/requests', element: lazy(() => import('./requests-page')), permission: 'request.read' },
  ],
  publicRoutes: [{ path: '/public/:tenantCode/requests', element: lazy(() => import('./public-request-page')) }],
});
