// STUB: the livelihood feature will replace this whole folder.
import { createElement } from 'react';
import { CommentOutlined, HomeOutlined, FlagOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature-manifest';
import { lazyPlaceholder } from '../../ui/lazy-placeholder';

export default defineFeature({
  key: 'livelihood',
  messages: {
    zh: {
      'livelihood.resettlement': '安置房',
      'livelihood.campaigns': '创文创卫',
      'livelihood.cobuild': '共驻共建',
      'livelihood.requests': '群众诉求',
    },
    en: {
      'livelihood.resettlement': 'Resettlement housing',
      'livelihood.campaigns': 'Civility campaigns',
      'livelihood.cobuild': 'Co-building',
      'livelihood.requests': 'Residents’ requests',
    },
  },
  menu: [
    { path: '/resettlement', labelKey: 'livelihood.resettlement', icon: createElement(HomeOutlined), permission: 'resettlement.read', group: 'livelihood' },
    { path: '/campaigns', labelKey: 'livelihood.campaigns', icon: createElement(FlagOutlined), permission: 'campaign.read', group: 'livelihood' },
    { path: '/cobuild', labelKey: 'livelihood.cobuild', icon: createElement(TeamOutlined), permission: 'cobuild.read', group: 'livelihood' },
    { path: '/requests', labelKey: 'livelihood.requests', icon: createElement(CommentOutlined), permission: 'request.read', group: 'livelihood' },
  ],
  routes: [
    { path: '/resettlement', element: lazyPlaceholder('livelihood.resettlement'), permission: 'resettlement.read' },
    { path: '/campaigns', element: lazyPlaceholder('livelihood.campaigns'), permission: 'campaign.read' },
    { path: '/cobuild', element: lazyPlaceholder('livelihood.cobuild'), permission: 'cobuild.read' },
    { path: '/requests', element: lazyPlaceholder('livelihood.requests'), permission: 'request.read' },
  ],
});
