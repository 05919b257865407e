export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))];
}

export function summarise(name: string, latenciesMs: number[], elapsedMs: number) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    rps: Math.round((sorted.length / elapsedMs) * 1000),
    p50: Math.round(percentile(sorted, 50) * 10) / 10,
    p99: Math.round(percentile(sorted, 99) * 10) / 10,
  };
}

/** Runs `task(i)` for i in [0, count) with `concurrency` workers; returns each call's latency. */
export async function runConcurrently(count: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}
