/** Plane geometry for grid boundaries (GeoJSON, [lng, lat] order) and distances between points. */
export type Position = [number, number];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type GridBoundary = PolygonGeometry | MultiPolygonGeometry;

function inRing(lng: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lng: number, lat: number, rings: Position[][]): boolean {
  if (rings.length === 0 || !inRing(lng, lat, rings[0])) return false;
  return !rings.slice(1).some((hole) => inRing(lng, lat, hole));
}

/** Ray casting over a Polygon/MultiPolygon (holes excluded). */
export function boundaryContains(boundary: GridBoundary, lat: number, lng: number): boolean {
  if (boundary.type === 'Polygon') return inPolygon(lng, lat, boundary.coordinates);
  return boundary.coordinates.some((p) => inPolygon(lng, lat, p));
}

/** Centre of the outer ring's bounding box (good enough to place a label). */
export function boundaryCentre(boundary: GridBoundary): { lat: number; lng: number } {
  const ring = boundary.type === 'Polygon' ? boundary.coordinates[0] : boundary.coordinates.flatMap((p) => p[0]);
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2 };
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A lat/lng box that contains every point within `metres` of the centre. */
export function boundingBox(lat: number, lng: number, metres: number) {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}
