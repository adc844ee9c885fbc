// STUB: the members feature will replace this whole folder.
import { createElement } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature-manifest';
import { lazyPlaceholder } from '../../ui/lazy-placeholder';

export default defineFeature({
  key: 'members',
  messages: {
    zh: { 'members.menu': '党员管理' },
    en: { 'members.menu': 'Party members' },
  },
  menu: [{ path: '/members', labelKey: 'members.menu', icon: createElement(TeamOutlined), permission: 'member.read', group: 'party' }],
  routes: [{ path: '/members', element: lazyPlaceholder('members.menu'), permission: 'member.read' }],
});
