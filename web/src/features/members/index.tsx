import { IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'members',
  messages,
  menu: [
    { path: '/members', labelKey: 'members.menu', icon: <TeamOutlined />, permission: 'member.read', group: 'party' },
    { path: '/members/me', labelKey: 'members.myMenu', icon: <IdcardOutlined />, permission: 'member.self', group: 'party' },
  ],
  routes: [
    { path: '/members', element: lazy(() => import('./members-page')), permission: 'member.read' },
    { path: '/members/import', element: lazy(() => import('./member-import-page')), permission: 'member.import' },
    { path: '/members/me', element: lazy(() => import('./my-member-page')), permission: 'member.self' },
    { path: '/members/:id', element: lazy(() => import('./member-detail-page')), permission: 'member.read' },
  ],
});
