import { FileProtectOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

/** The three administrators' screens (等保 level 3): accounts, security settings, personal-data requests. */
export default defineFeature({
  key: 'administration',
  messages,
  menu: [
    { path: '/admin/accounts', labelKey: 'administration.accounts.menu', icon: <TeamOutlined />, permission: 'account.read', group: 'system' },
    { path: '/admin/security', labelKey: 'administration.security.menu', icon: <SafetyOutlined />, permission: 'security.manage', group: 'system' },
    { path: '/admin/privacy', labelKey: 'administration.privacy.menu', icon: <FileProtectOutlined />, permission: 'privacy.handle', group: 'system' },
  ],
  routes: [
    { path: '/admin/accounts', element: lazy(() => import('./accounts-page')), permission: 'account.read' },
    { path: '/admin/security', element: lazy(() => import('./security-page')), permission: 'security.manage' },
    { path: '/admin/privacy', element: lazy(() => import('./privacy-page')), permission: 'privacy.handle' },
  ],
});
