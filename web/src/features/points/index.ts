// STUB: the points feature will replace this whole folder.
import { createElement } from 'react';
import { StarOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature-manifest';
import { lazyPlaceholder } from '../../ui/lazy-placeholder';

export default defineFeature({
  key: 'points',
  messages: {
    zh: { 'points.menu': '六个一积分', 'points.mine': '我的积分' },
    en: { 'points.menu': 'Six-ones points', 'points.mine': 'My points' },
  },
  menu: [
    { path: '/points', labelKey: 'points.menu', icon: createElement(TrophyOutlined), permission: 'points.read', group: 'party' },
    { path: '/points/mine', labelKey: 'points.mine', icon: createElement(StarOutlined), permission: 'points.self', group: 'party' },
  ],
  routes: [
    { path: '/points', element: lazyPlaceholder('points.menu'), permission: 'points.read' },
    { path: '/points/mine', element: lazyPlaceholder('points.mine'), permission: 'points.self' },
  ],
});
