import { seededRandom } from '../../platform/random.js';

export interface DrawInput {
  seed: number;
  /** Eligible members of the branch; sorted by id here so the order never depends on the query. */
  pool: readonly string[];
  /** Members already drawn in the open cycle. */
  covered: readonly string[];
  cycle: number;
}

export interface DrawOutcome {
  sampleSize: number;
  picks: Array<{ memberId: string; cycle: number }>;
}

function shuffled(items: readonly string[], random: () => number): string[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Sample size of the quarterly check: one third of the branch, rounded up. */
export function sampleSizeOf(members: number): number {
  return Math.ceil(members / 3);
}

/**
 * The spot-check draw, a pure function of its stored inputs: ceil(n/3) members, taken first from
 * those not yet drawn in the open cycle; when they run out the cycle closes and the rest of the
 * sample is drawn from everyone else, counting toward the next cycle.
 */
export function drawSample(input: DrawInput): DrawOutcome {
  const pool = [...new Set(input.pool)].sort();
  const covered = new Set(input.covered);
  const k = sampleSizeOf(pool.length);
  const random = seededRandom(input.seed);
  const fresh = shuffled(
    pool.filter((m) => !covered.has(m)),
    random,
  );
  if (fresh.length >= k) return { sampleSize: k, picks: fresh.slice(0, k).map((memberId) => ({ memberId, cycle: input.cycle })) };
  const first = fresh.map((memberId) => ({ memberId, cycle: input.cycle }));
  const taken = new Set(fresh);
  const rest = shuffled(
    pool.filter((m) => !taken.has(m)),
    random,
  )
    .slice(0, k - fresh.length)
    .map((memberId) => ({ memberId, cycle: input.cycle + 1 }));
  return { sampleSize: k, picks: [...first, ...rest] };
}
