import type { Grid } from './hooks';

/** The outer ring of each polygon of a grid's boundary, as [lng, lat] pairs. */
export function outerRings(g: Pick<Grid, 'boundary'>): number[][][] {
  if (!g.boundary) return [];
  return g.boundary.type === 'Polygon' ? [g.boundary.coordinates[0]] : g.boundary.coordinates.map((p) => p[0]);
}
