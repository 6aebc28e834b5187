/**
 * In-process part of npm run bench (security.md item 24): sign-in time for an existing account with a
 * wrong password vs. an unknown email. They should be close, so timing does not tell whether an
 * account exists. Also the flow engine's round trip (start device-management, send it an event).
 * Run with --conditions=react-server on a scratch database (scripts/bench.sh sets DATABASE_URL).
 */
import { performance } from "node:perf_hooks";

process.env.APP_ENV ??= "test";
// The bench repeats wrong passwords on purpose; let them all be checked, rather than measure the waits.
process.env.SIGN_IN_FREE_FAILURES ??= "100";
process.env.SIGN_IN_FAILURES_PER_ADDRESS ??= "1000000";

const { db } = await import("@/lib/db");
const { hashPassword } = await import("@/lib/auth/password");
const { authenticateWithPassword } = await import("@/lib/auth/authenticate-with-password");
const { startFlow, sendFlowEvent } = await import("@/lib/flows/flow-executions");

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p90 = samples[Math.floor(samples.length * 0.9)]!;
  console.log(`  ${label.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   (${runs} runs)`);
  return median;
}

const email = `bench-${Date.now()}@example.test`;
const user = await db.user.create({ data: { email, name: "Bench", passwordHash: await hashPassword("bench-password-123"), mfaEnabled: true } });
const meta = { ip: "127.0.0.1", userAgent: "bench" };

// Interleaved, one of each in turn, after a warm-up of both: measured one block after the other, the
// first block also paid for warming argon2's threads and the database, which showed as a difference of
// several milliseconds that was not there (40 interleaved runs: within 1 ms).
const knownSamples: number[] = [];
const unknownSamples: number[] = [];
const tryKnown = () => authenticateWithPassword({ email, password: "not-the-password", meta });
const tryUnknown = () => authenticateWithPassword({ email: `nobody-${Date.now()}-${Math.random()}@example.test`, password: "not-the-password", meta });
for (let i = 0; i < 3; i++) await Promise.all([tryKnown(), tryUnknown()]);
for (let i = 0; i < 30; i++) {
  for (const [fn, samples] of [[tryKnown, knownSamples], [tryUnknown, unknownSamples]] as const) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
}
const report = (label: string, samples: number[]) => {
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p90 = samples[Math.floor(samples.length * 0.9)]!;
  console.log(`  ${label.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   (${samples.length} runs, interleaved)`);
  return median;
};
const known = report("sign-in: existing account, wrong password", knownSamples);
const unknown = report("sign-in: unknown email", unknownSamples);
console.log(`  difference between the two medians: ${Math.abs(known - unknown).toFixed(1)} ms`);

const caller = { meta, session: null };
await time("flow: start device-management, then Done", 30, async () => {
  const flow = await startFlow({ kind: "device-management", userId: user.id, input: {}, door: "api", caller });
  await sendFlowEvent({ id: flow.id, userId: user.id, event: { type: "DONE" }, caller });
});

await db.$disconnect();
