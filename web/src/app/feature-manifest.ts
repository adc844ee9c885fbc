import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { MessageCatalogues } from '../i18n/i18n-context';

/** Menu groups in display order; a group not listed here is appended after them. */
export const menuGroups = ['party', 'governance', 'livelihood', 'data', 'system'] as const;
export type MenuGroup = (typeof menuGroups)[number];

export interface FeatureMenuItem {
  /** Route path the item opens, e.g. `/orgs`. */
  path: string;
  /** Catalogue key of the label, e.g. `orgs.menu`. */
  labelKey: string;
  icon?: ReactNode;
  /** Shown only when /api/auth/me lists this permission. */
  permission?: string;
  /** Heading the item sits under (label key `menu.group.<group>`); ungrouped items come first. */
  group?: MenuGroup;
}

export interface FeatureRoute {
  /** A react-router path: `/orgs`, `/members/:id`. */
  path: string;
  /** A React.lazy page, so each page is its own chunk. */
  element: LazyExoticComponent<ComponentType>;
  /** Without it the page needs only a login (inside the layout) or nothing (publicRoutes). */
  permission?: string;
}

/** What a web/src/features/<name>/index.ts(x) default-exports; listed in app/features.ts. */
export interface FeatureManifest {
  key: string;
  /** Keys prefixed with the feature key (`orgs.title`); merged over the core catalogue. */
  messages: MessageCatalogues;
  menu: FeatureMenuItem[];
  /** Pages inside the signed-in layout. */
  routes: FeatureRoute[];
  /** Pages without the layout and without a login (e.g. a resident's request form). */
  publicRoutes?: FeatureRoute[];
}

/** Identity function that type-checks a manifest where it is written. */
export function defineFeature(manifest: FeatureManifest): FeatureManifest {
  return manifest;
}
