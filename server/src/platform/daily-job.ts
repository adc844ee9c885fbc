import { shanghaiDate } from './time.js';

/**
 * Runs `job(today)` once a Shanghai day from `hour` on, checked every `everyMs`. The job must be idempotent
 * (several API processes may each run it); nothing is kept in memory beyond the timer.
 */
export function scheduleDailyJob(name: string, hour: number, job: (day: string) => Promise<void>, log: (line: string) => void, everyMs = 15 * 60_000): () => void {
  let running = false;
  // Only an optimisation: the job is idempotent, so a restart or a second process running it again is harmless.
  let doneFor = '';
  const tick = async () => {
    const now = new Date();
    if (doneFor === shanghaiDate(now)) return;
    const shanghaiHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(now));
    if (running || shanghaiHour < hour) return;
    running = true;
    try {
      await job(shanghaiDate(now));
      doneFor = shanghaiDate(now);
    } catch (e) {
      log(`daily job ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const timer = setInterval(() => void tick(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
