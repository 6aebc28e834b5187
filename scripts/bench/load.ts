/**
 * Two load models. `saturate`: a closed loop, `concurrency` virtual users each sending its next
 * request as soon as the last one answered, for `seconds`: completed requests per second is the
 * throughput at saturation. `fixedRate`: an open model, one request every 1/rate s whatever the
 * answers; latency counts from the moment a request was due, so a growing queue shows up in the
 * percentiles (no coordinated omission).
 */
export type Outcome = { ok: boolean; status?: number; error?: string };

export type SaturationResult = { perSecond: number; done: number; failed: number; seconds: number; firstFailure?: string; latencies: number[] };
export type FixedRateResult = { rate: number; achieved: number; p50: number; p99: number; max: number; failed: number; firstFailure?: string };

export async function saturate(options: { concurrency: number; seconds: number; task: (worker: number, n: number) => Promise<Outcome> }): Promise<SaturationResult> {
  const deadline = performance.now() + options.seconds * 1000;
  const start = performance.now();
  let done = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let n = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        let outcome: Outcome;
        try {
          outcome = await options.task(worker, n++);
        } catch (error) {
          outcome = { ok: false, error: (error as Error).message };
        }
        if (outcome.ok) {
          done++;
          latencies.push(performance.now() - t);
        } else {
          failed++;
          firstFailure ??= outcome.error ?? `status ${outcome.status}`;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: done / seconds, done, failed, seconds, latencies, ...(firstFailure ? { firstFailure } : {}) };
}

/**
 * `maxInFlight` bounds the backlog a server that cannot keep up builds: a request due while that many
 * are unanswered is not sent and counts as failed, at `droppedMs` latency (what a proxy in front would
 * do). Otherwise the server would go on serving a queue of abandoned requests into the next figure.
 */
export async function fixedRate(options: { rate: number; seconds: number; task: (n: number) => Promise<Outcome>; maxInFlight?: number; droppedMs?: number }): Promise<FixedRateResult> {
  const maxInFlight = options.maxInFlight ?? Infinity;
  let inFlight = 0;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = performance.now();
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= maxInFlight) {
      failed++;
      latencies.push(options.droppedMs ?? 10_000);
      firstFailure ??= `not sent: ${maxInFlight} requests unanswered`;
      continue;
    }
    inFlight++;
    pending.push(
      options.task(i).finally(() => inFlight--).then(
        (outcome) => {
          if (outcome.ok) latencies.push(performance.now() - due);
          else {
            failed++;
            firstFailure ??= outcome.error ?? `status ${outcome.status}`;
          }
        },
        (error: Error) => {
          // Unanswered (timed out) or refused: it still waited this long.
          latencies.push(performance.now() - due);
          failed++;
          firstFailure ??= error.message;
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { rate: options.rate, achieved: (latencies.length - failed) / elapsed, p50: pct(0.5), p99: pct(0.99), max: latencies.at(-1) ?? NaN, failed, ...(firstFailure ? { firstFailure } : {}) };
}

export const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
