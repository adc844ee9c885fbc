import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature-manifest';
import { messages } from './messages';

export default defineFeature({
  key: 'orgs',
  messages,
  menu: [{ path: '/orgs', labelKey: 'orgs.menu', icon: <ApartmentOutlined />, permission: 'org.read', group: 'party' }],
  routes: [{ path: '/orgs', element: lazy(() => import('./org-tree-page')), permission: 'org.read' }],
});
