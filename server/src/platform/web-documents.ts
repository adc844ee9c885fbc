import fs from 'node:fs';
import path from 'node:path';

/**
 * Which HTML document the server sends for a browser path (decision 0015). The build (web/vite.config.ts) writes
 * `index.html` for the antd app and one document per phone page, with that page's code preloaded, listed in
 * `phone-routes.json` by the same patterns web/src/phone/phone-routes.ts matches. A path that names a file (it
 * ends in an extension, such as /favicon.ico) and was not found is not a page: it gets undefined, so a 404.
 */
export interface WebDocuments {
  /** The document for a GET of this path (query string allowed), relative to the dist folder, or undefined. */
  documentFor(url: string): string | undefined;
}

interface PhoneDocument {
  pattern: string;
  flags: string;
  document: string;
}

export function webDocuments(distDir: string): WebDocuments | undefined {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) return undefined;
  const listFile = path.join(distDir, 'phone-routes.json');
  const phone = fs.existsSync(listFile)
    ? (JSON.parse(fs.readFileSync(listFile, 'utf8')) as PhoneDocument[])
        .filter((d) => fs.existsSync(path.join(distDir, d.document)))
        .map((d) => ({ pattern: new RegExp(d.pattern, d.flags), document: d.document }))
    : [];
  return {
    documentFor(url) {
      const pathname = url.split('?')[0];
      if (/\.[A-Za-z0-9]{2,5}$/.test(pathname)) return undefined;
      return phone.find((d) => d.pattern.test(pathname))?.document ?? 'index.html';
    },
  };
}
