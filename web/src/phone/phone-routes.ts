import type { ComponentType } from 'react';
import type { MessageCatalogues } from '../i18n/i18n-context';

/**
 * The phone pages (issue #8, decision 0009): they render in the light phone shell (plain React + CSS, no antd),
 * chosen by main.tsx from the URL before any shell code loads. Every other path loads the antd app.
 * The antd app sends these paths back through a full page load, so a phone page always looks the same.
 */
export interface PhoneRoute {
  key: 'log-work' | 'report-hazard' | 'public-request';
  pattern: RegExp;
  /** Without it the page is public (no login). */
  permission?: string;
  load: () => Promise<{ default: ComponentType }>;
  /** The page's feature catalogue; the phone shell merges it with the core one (only this page's, decision 0015). */
  messages: () => Promise<MessageCatalogues>;
}

export const phoneRoutes: readonly PhoneRoute[] = [
  { key: 'log-work', pattern: /^\/points\/mine\/?$/, permission: 'points.claim', load: () => import('../features/points/log-work-page'), messages: () => import('../features/points/messages').then((m) => m.messages) },
  { key: 'report-hazard', pattern: /^\/hazards\/new\/?$/, permission: 'hazard.report', load: () => import('../features/grid/report-hazard-page'), messages: () => import('../features/grid/messages').then((m) => m.messages) },
  { key: 'public-request', pattern: /^\/public\/[^/]+\/requests\/?$/, load: () => import('../features/livelihood/public-request-page'), messages: () => import('../features/livelihood/messages').then((m) => m.messages) },
];

/** The phone route a path belongs to, or undefined for the antd app's paths. */
export function matchPhoneRoute(pathname: string): PhoneRoute | undefined {
  return phoneRoutes.find((route) => route.pattern.test(pathname));
}

/** The tenant code of /public/:tenantCode/requests ('' elsewhere). */
export function publicTenantCode(pathname: string): string {
  const match = /^\/public\/([^/]+)\/requests/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : '';
}
