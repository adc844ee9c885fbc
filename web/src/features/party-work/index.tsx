import { AuditOutlined, BankOutlined, BookOutlined, EyeOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'party-work',
  messages,
  menu: [
    { path: '/centres', labelKey: 'partyWork.centres', icon: <BankOutlined />, permission: 'centre.read', group: 'party' },
    { path: '/instructors', labelKey: 'partyWork.instructors', icon: <TeamOutlined />, permission: 'instructor.read', group: 'party' },
    { path: '/tours', labelKey: 'partyWork.tours', icon: <EyeOutlined />, permission: 'tour.read', group: 'party' },
    { path: '/study', labelKey: 'partyWork.study', icon: <BookOutlined />, permission: 'study.read', group: 'party' },
    { path: '/discipline', labelKey: 'partyWork.discipline', icon: <AuditOutlined />, permission: 'discipline.read', group: 'party' },
  ],
  routes: [
    { path: '/centres', element: lazy(() => import('./centres-page')), permission: 'centre.read' },
    { path: '/instructors', element: lazy(() => import('./instructors-page')), permission: 'instructor.read' },
    { path: '/tours', element: lazy(() => import('./tours-page')), permission: 'tour.read' },
    { path: '/tours/:id', element: lazy(() => import('./tour-detail-page')), permission: 'tour.read' },
    { path: '/study', element: lazy(() => import('./study-page')), permission: 'study.read' },
    { path: '/discipline', element: lazy(() => import('./discipline-page')), permission: 'discipline.read' },
  ],
});
