import { describe, expect, test } from 'vitest';
import { matchPhoneRoute, publicTenantCode } from './phone-routes';

describe('phone routes', () => {
  test('the three phone pages are matched, everything else goes to the antd app', () => {
    expect(matchPhoneRoute('/points/mine')?.key).toBe('log-work');
    expect(matchPhoneRoute('/hazards/new')?.key).toBe('report-hazard');
    expect(matchPhoneRoute('/public/410182002/requests')?.key).toBe('public-request');
    for (const path of ['/', '/points/mine/x', '/points/approvals', '/hazards/1b6f', '/hazards', '/public/410182002', '/login']) {
      expect(matchPhoneRoute(path)).toBeUndefined();
    }
  });

  test('the public page reads its tenant code from the path', () => {
    expect(publicTenantCode('/public/410182002/requests')).toBe('410182002');
    expect(publicTenantCode('/points/mine')).toBe('');
  });
});
