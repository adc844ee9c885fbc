import type { ComponentType } from 'react';

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
}

export const phoneRoutes: readonly PhoneRoute[] = [
  { key: 'log-work', pattern: /^\/points\/mine\/?$/, permission: 'points.claim', load: () => import('../features/points/log-work-page') },
  { key: 'report-hazard', pattern: /^\/hazards\/new\/?$/, permission: 'hazard.report', load: () => import('../features/grid/report-hazard-page') },
  { key: 'public-request', pattern: /^\/public\/[^/]+\/requests\/?$/, load: () => import('../features/livelihood/public-request-page') },
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
