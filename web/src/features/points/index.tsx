import { AuditOutlined, CalendarOutlined, HeartOutlined, HomeOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'points',
  messages,
  menu: [
    { path: '/points/mine', labelKey: 'points.mine', icon: <StarOutlined />, permission: 'points.claim', group: 'party' },
    { path: '/points/approvals', labelKey: 'points.approvals', icon: <AuditOutlined />, permission: 'points.approve', group: 'party' },
    { path: '/points/duty', labelKey: 'points.duty', icon: <CalendarOutlined />, permission: 'duty.read', group: 'party' },
    { path: '/points/volunteer', labelKey: 'points.volunteer', icon: <HeartOutlined />, permission: 'volunteer.read', group: 'party' },
    { path: '/points/rankings', labelKey: 'points.rankings', icon: <TrophyOutlined />, permission: 'points.read', group: 'party' },
    { path: '/points/households', labelKey: 'points.households', icon: <HomeOutlined />, permission: 'household.read', group: 'governance' },
  ],
  routes: [
    { path: '/points/mine', element: lazy(() => import('./log-work-page')), permission: 'points.claim' },
    { path: '/points/approvals', element: lazy(() => import('./approvals-page')), permission: 'points.approve' },
    { path: '/points/duty', element: lazy(() => import('./duty-page')), permission: 'duty.read' },
    { path: '/points/volunteer', element: lazy(() => import('./volunteer-page')), permission: 'volunteer.read' },
    { path: '/points/volunteer/:id', element: lazy(() => import('./volunteer-event-page')), permission: 'volunteer.read' },
    { path: '/volunteer/check-in', element: lazy(() => import('./check-in-page')), permission: 'volunteer.join' },
    { path: '/points/rankings', element: lazy(() => import('./rankings-page')), permission: 'points.read' },
    { path: '/points/households', element: lazy(() => import('./households-page')), permission: 'household.read' },
    { path: '/points/households/:id', element: lazy(() => import('./household-page')), permission: 'household.read' },
  ],
});
