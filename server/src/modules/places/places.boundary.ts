import { AppError, type FieldIssue } from '../../platform/errors.js';
import type { GridBoundary, Position } from './places.geo.js';

/** One feature of an uploaded file: its geometry and the properties that name its grid. */
export interface UploadedBoundary {
  index: number;
  boundary: GridBoundary;
  properties: Record<string, unknown>;
}

const MAX_ISSUES = 20;

class IssueList {
  readonly items: FieldIssue[] = [];
  add(path: string, message: string): void {
    if (this.items.length < MAX_ISSUES) this.items.push({ path, message });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Twice the signed area of a ring in degrees² (shoelace); 0 means the points lie on a line. */
function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

function checkRing(value: unknown, path: string, issues: IssueList): Position[] | null {
  if (!Array.isArray(value)) {
    issues.add(path, '环应为坐标点数组');
    return null;
  }
  const ring: Position[] = [];
  let ok = true;
  value.forEach((p: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      issues.add(at, '坐标应为 [经度, 纬度] 两个数字');
      ok = false;
      return;
    }
    const [lng, lat] = p as [number, number];
    if (lng < -180 || lng > 180) {
      issues.add(at, `经度 ${lng} 超出范围（-180~180）`);
      ok = false;
    }
    if (lat < -90 || lat > 90) {
      issues.add(at, `纬度 ${lat} 超出范围（-90~90）`);
      ok = false;
    }
    ring.push([lng, lat]);
  });
  if (!ok) return null;
  if (ring.length < 4) {
    issues.add(path, `多边形的环至少需要4个点（首尾相同），现有 ${ring.length} 个`);
    return null;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    issues.add(path, '多边形的环未闭合：最后一个点应与第一个点相同');
    return null;
  }
  if (ringArea2(ring) === 0) {
    issues.add(path, '多边形面积为零（各点在一条直线上）');
    return null;
  }
  return ring;
}

function checkPolygon(value: unknown, path: string, issues: IssueList): Position[][] | null {
  if (!Array.isArray(value) || value.length === 0) {
    issues.add(path, '多边形至少需要一个外环');
    return null;
  }
  const rings = value.map((r: unknown, i) => checkRing(r, `${path}[${i}]`, issues));
  return rings.every((r): r is Position[] => r !== null) ? rings : null;
}

function checkGeometry(value: unknown, path: string, issues: IssueList): GridBoundary | null {
  if (!isRecord(value)) {
    issues.add(path, '缺少几何图形（geometry）');
    return null;
  }
  if (value.type === 'Polygon') {
    const rings = checkPolygon(value.coordinates, `${path}.coordinates`, issues);
    return rings ? { type: 'Polygon', coordinates: rings } : null;
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) {
      issues.add(`${path}.coordinates`, '多多边形至少需要一个多边形');
      return null;
    }
    const polygons = value.coordinates.map((p: unknown, i) => checkPolygon(p, `${path}.coordinates[${i}]`, issues));
    return polygons.every((p): p is Position[][] => p !== null) ? { type: 'MultiPolygon', coordinates: polygons } : null;
  }
  issues.add(`${path}.type`, `网格边界应为 Polygon 或 MultiPolygon，收到 ${typeof value.type === 'string' ? value.type : '未知类型'}`);
  return null;
}

function fail(issues: IssueList): never {
  const first = issues.items[0];
  const more = issues.items.length > 1 ? `（共 ${issues.items.length} 处问题）` : '';
  throw new AppError('VALIDATION', `GeoJSON 边界有误：${first.path} ${first.message}${more}`, issues.items);
}

/**
 * Reads an uploaded GeoJSON (text or parsed): a geometry, a Feature or a FeatureCollection. Every ring must be
 * closed, have four points or more and enclose an area; coordinates are [lng, lat] within range. Any problem
 * fails the whole upload with one issue per bad place (path like `geojson.features[2].geometry.coordinates[0]`).
 */
export function readBoundaryUpload(input: unknown, root = 'geojson'): UploadedBoundary[] {
  const issues = new IssueList();
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      issues.add(root, '文件不是有效的 JSON');
      fail(issues);
    }
  }
  if (!isRecord(doc)) {
    issues.add(root, '请上传 GeoJSON 对象');
    fail(issues);
  }
  const result: UploadedBoundary[] = [];
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features) || doc.features.length === 0) {
      issues.add(`${root}.features`, 'FeatureCollection 中没有任何要素');
      fail(issues);
    }
    doc.features.forEach((f: unknown, i) => {
      const path = `${root}.features[${i}]`;
      if (!isRecord(f)) {
        issues.add(path, '要素应为 Feature 对象');
        return;
      }
      const boundary = checkGeometry(f.geometry, `${path}.geometry`, issues);
      if (boundary) result.push({ index: i, boundary, properties: isRecord(f.properties) ? f.properties : {} });
    });
  } else if (doc.type === 'Feature') {
    const boundary = checkGeometry(doc.geometry, `${root}.geometry`, issues);
    if (boundary) result.push({ index: 0, boundary, properties: isRecord(doc.properties) ? doc.properties : {} });
  } else {
    const boundary = checkGeometry(doc, root, issues);
    if (boundary) result.push({ index: 0, boundary, properties: {} });
  }
  if (issues.items.length > 0) fail(issues);
  return result;
}

/** A single grid's boundary: the upload must hold exactly one polygon feature. */
export function parseBoundary(input: unknown): GridBoundary {
  const features = readBoundaryUpload(input);
  if (features.length !== 1) throw new AppError('VALIDATION', '为单个网格上传时，文件只能包含一个边界要素', [{ path: 'geojson.features', message: `文件包含 ${features.length} 个要素；多个网格请用批量上传` }]);
  return features[0].boundary;
}
