// STUB: the party-work feature will replace this whole folder.
import { createElement } from 'react';
import { AuditOutlined, BankOutlined, BookOutlined, EyeOutlined } from '@ant-design/icons';
import { defineFeature } from '../../app/feature-manifest';
import { lazyPlaceholder } from '../../ui/lazy-placeholder';

export default defineFeature({
  key: 'party-work',
  messages: {
    zh: {
      'partyWork.centres': '阵地建设',
      'partyWork.tours': '观摩',
      'partyWork.study': '两学一做',
      'partyWork.discipline': '纪检',
    },
    en: {
      'partyWork.centres': 'Service centres',
      'partyWork.tours': 'Inspection tours',
      'partyWork.study': 'Study',
      'partyWork.discipline': 'Discipline',
    },
  },
  menu: [
    { path: '/centres', labelKey: 'partyWork.centres', icon: createElement(BankOutlined), permission: 'centre.read', group: 'party' },
    { path: '/tours', labelKey: 'partyWork.tours', icon: createElement(EyeOutlined), permission: 'tour.read', group: 'party' },
    { path: '/study', labelKey: 'partyWork.study', icon: createElement(BookOutlined), permission: 'study.read', group: 'party' },
    { path: '/discipline', labelKey: 'partyWork.discipline', icon: createElement(AuditOutlined), permission: 'discipline.read', group: 'party' },
  ],
  routes: [
    { path: '/centres', element: lazyPlaceholder('partyWork.centres'), permission: 'centre.read' },
    { path: '/tours', element: lazyPlaceholder('partyWork.tours'), permission: 'tour.read' },
    { path: '/study', element: lazyPlaceholder('partyWork.study'), permission: 'study.read' },
    { path: '/discipline', element: lazyPlaceholder('partyWork.discipline'), permission: 'discipline.read' },
  ],
});
