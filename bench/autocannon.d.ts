// autocannon 9 ships no types (and @types/autocannon describes 7.x); the benchmark uses a handful of its options.
declare module 'autocannon' {
  const autocannon: (opts: Record<string, unknown>, cb: (err: unknown, result: any) => void) => { on(event: string, fn: (...args: any[]) => void): void };
  export default autocannon;
}
