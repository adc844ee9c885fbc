import { DesktopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'home',
  messages,
  menu: [{ path: '/', labelKey: 'home.menu', icon: <DesktopOutlined /> }],
  routes: [{ path: '/', element: lazy(() => import('./home-page')) }],
});
