/** Minimal XML writer for GeoReport v2 documents (elements and text only). */
function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

type XmlValue = string | number | boolean | null | undefined;

function element(name: string, fields: Record<string, XmlValue>): string {
  const inner = Object.entries(fields)
    .map(([k, v]) => (v === null || v === undefined ? `<${k}/>` : `<${k}>${escapeXml(String(v))}</${k}>`))
    .join('');
  return `<${name}>${inner}</${name}>`;
}

/** `<root><item>…</item>…</root>` with an XML declaration. */
export function toXmlList(root: string, item: string, rows: ReadonlyArray<object>): string {
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${rows.map((r) => element(item, r as Record<string, XmlValue>)).join('')}</${root}>`;
}
