import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webDocuments } from './web-documents.js';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-dist-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

function writeDist(withPhone: boolean) {
  fs.writeFileSync(path.join(dist, 'index.html'), '<html>admin</html>');
  fs.mkdirSync(path.join(dist, 'phone'), { recursive: true });
  // The list as web/vite.config.ts writes it from web/src/phone/phone-routes.ts (the server reads no web code).
  const list = [
    { key: 'log-work', pattern: /^\/points\/mine\/?$/, document: 'phone/log-work.html' },
    { key: 'report-hazard', pattern: /^\/hazards\/new\/?$/, document: 'phone/report-hazard.html' },
    { key: 'public-request', pattern: /^\/public\/[^/]+\/requests\/?$/, document: 'phone/public-request.html' },
  ].map((d) => ({ ...d, pattern: d.pattern.source, flags: d.pattern.flags }));
  for (const d of list) fs.writeFileSync(path.join(dist, d.document), `<html>${d.key}</html>`);
  if (withPhone) fs.writeFileSync(path.join(dist, 'phone-routes.json'), JSON.stringify(list));
  else fs.rmSync(path.join(dist, 'phone-routes.json'), { force: true });
}

describe('web documents', () => {
  it('a phone path gets its own document, every other page the antd app, a missing file nothing', () => {
    writeDist(true);
    const docs = webDocuments(dist);
    expect(docs?.documentFor('/points/mine')).toBe('phone/log-work.html');
    expect(docs?.documentFor('/points/mine?from=menu')).toBe('phone/log-work.html');
    expect(docs?.documentFor('/hazards/new')).toBe('phone/report-hazard.html');
    expect(docs?.documentFor('/public/410182002/requests')).toBe('phone/public-request.html');
    expect(docs?.documentFor('/hazards')).toBe('index.html');
    expect(docs?.documentFor('/points/mine/extra')).toBe('index.html');
    expect(docs?.documentFor('/')).toBe('index.html');
    expect(docs?.documentFor('/favicon.ico')).toBeUndefined();
    expect(docs?.documentFor('/assets/missing-abc123.js')).toBeUndefined();
  });

  it('without the list (an older build) every page gets index.html; without a build there is nothing to send', () => {
    writeDist(false);
    expect(webDocuments(dist)?.documentFor('/points/mine')).toBe('index.html');
    expect(webDocuments(path.join(dist, 'nowhere'))).toBeUndefined();
  });
});
