import { UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'account',
  messages,
  menu: [{ path: '/account', labelKey: 'account.menu', icon: <UserOutlined />, group: 'system' }],
  routes: [{ path: '/account', element: lazy(() => import('./account-page')) }],
});
