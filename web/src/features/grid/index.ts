// STUB: the grid feature will replace this whole folder.
import { createElement } from 'react';
import { AlertOutlined, AppstoreOutlined, ReconciliationOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature-manifest';
import { lazyPlaceholder } from '../../ui/lazy-placeholder';

export default defineFeature({
  key: 'grid',
  messages: {
    zh: {
      'grid.menu': '网格治理',
      'grid.hazards': '隐患',
      'grid.rectifications': '整改台账',
    },
    en: {
      'grid.menu': 'Grid governance',
      'grid.hazards': 'Hazards',
      'grid.rectifications': 'Rectification ledger',
    },
  },
  menu: [
    { path: '/grid', labelKey: 'grid.menu', icon: createElement(AppstoreOutlined), permission: 'grid.read', group: 'governance' },
    { path: '/hazards', labelKey: 'grid.hazards', icon: createElement(AlertOutlined), permission: 'hazard.read', group: 'governance' },
    { path: '/rectifications', labelKey: 'grid.rectifications', icon: createElement(ReconciliationOutlined), permission: 'rectification.read', group: 'governance' },
  ],
  routes: [
    { path: '/grid', element: lazyPlaceholder('grid.menu'), permission: 'grid.read' },
    { path: '/hazards', element: lazyPlaceholder('grid.hazards'), permission: 'hazard.read' },
    { path: '/rectifications', element: lazyPlaceholder('grid.rectifications'), permission: 'rectification.read' },
  ],
});
