/** Cumulative milliseconds per ingest phase, for `bench ingest` to show where the time goes. */
export const phaseMs: Record<string, number> = {};
export function timed<T>(phase: string, t0: number, v: T): T {
  phaseMs[phase] = (phaseMs[phase] ?? 0) + (performance.now() - t0);
  return v;
}
