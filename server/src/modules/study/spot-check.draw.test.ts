import { describe, expect, it } from 'vitest';
import { drawSample, sampleSizeOf } from './spot-check.draw.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(3, '0')}`);

describe('spot-check draw', () => {
  it('draws ceil(n/3) and gives the same names for the same seed and inputs', () => {
    const pool = ids(10);
    const a = drawSample({ seed: 42, pool, covered: [], cycle: 1 });
    const b = drawSample({ seed: 42, pool: [...pool].reverse(), covered: [], cycle: 1 });
    expect(a.sampleSize).toBe(4);
    expect(a.picks).toEqual(b.picks);
    expect(drawSample({ seed: 43, pool, covered: [], cycle: 1 }).picks).not.toEqual(a.picks);
  });

  it.each([3, 7, 10, 11, 12, 29])('covers all %i members across the three quarters of a cycle, none twice', (n) => {
    const pool = ids(n);
    const covered: string[] = [];
    const seen: string[] = [];
    let cycle = 1;
    for (let q = 1; q <= 3; q++) {
      const out = drawSample({ seed: 1000 + q, pool, covered, cycle });
      expect(out.picks).toHaveLength(sampleSizeOf(n));
      for (const p of out.picks) {
        if (p.cycle === 1) {
          expect(seen).not.toContain(p.memberId);
          seen.push(p.memberId);
        }
      }
      covered.push(...out.picks.filter((p) => p.cycle === cycle).map((p) => p.memberId));
      if (out.picks.some((p) => p.cycle > cycle)) cycle++;
    }
    expect(new Set(seen).size).toBe(n);
  });
});
