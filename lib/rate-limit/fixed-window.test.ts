import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hitFixedWindow, peekFixedWindow } from "@/lib/rate-limit/fixed-window";
import { limitKey } from "@/lib/rate-limit/keys";
import { limitApplicationRequests, limitEmailRequest } from "@/lib/rate-limit/limits";
import { AppError } from "@/lib/errors/app-error";

const freshKey = () => limitKey("sign-up:email", `window-${randomUUID()}@test.local`);

test("at most N hits per window per key; the refusal says how long until the window ends", async () => {
  const key = freshKey();
  const now = new Date("2030-01-01T12:00:00Z");
  for (let i = 0; i < 5; i++) assert.deepEqual(await hitFixedWindow({ key, limit: 5, windowSeconds: 3600, now }), { allowed: true });
  const later = new Date(now.getTime() + 600_000);
  assert.deepEqual(await hitFixedWindow({ key, limit: 5, windowSeconds: 3600, now: later }), { allowed: false, retryAfterSeconds: 3000 });
  assert.deepEqual(await peekFixedWindow({ key, limit: 5, windowSeconds: 3600, now: later }), { allowed: false, retryAfterSeconds: 3000 });
  const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
  assert.equal(row.count, 5, "a refused hit must not count");
});

test("a new window starts when the old one has ended", async () => {
  const key = freshKey();
  const now = new Date("2030-01-01T12:00:00Z");
  for (let i = 0; i < 3; i++) await hitFixedWindow({ key, limit: 3, windowSeconds: 60, now });
  assert.equal((await hitFixedWindow({ key, limit: 3, windowSeconds: 60, now })).allowed, false);
  const next = new Date(now.getTime() + 60_000);
  assert.deepEqual(await hitFixedWindow({ key, limit: 3, windowSeconds: 60, now: next }), { allowed: true });
  const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
  assert.equal(row.count, 1);
  assert.equal(row.windowStart.getTime(), next.getTime());
});

test("30 parallel hits against a limit of 10: exactly 10 are let through (atomic in the database)", async () => {
  const key = freshKey();
  const verdicts = await Promise.all(Array.from({ length: 30 }, () => hitFixedWindow({ key, limit: 10, windowSeconds: 3600 })));
  assert.equal(verdicts.filter((v) => v.allowed).length, 10);
  assert.equal((await db.rateLimit.findUniqueOrThrow({ where: { key } })).count, 10);
});

test("20 parallel first hits of a fresh key against a limit of 20: none is refused (the racers that lose the INSERT count against its row)", async () => {
  const key = freshKey();
  const verdicts = await Promise.all(Array.from({ length: 20 }, () => hitFixedWindow({ key, limit: 20, windowSeconds: 3600 })));
  assert.deepEqual(verdicts.filter((v) => !v.allowed), []);
  assert.equal((await db.rateLimit.findUniqueOrThrow({ where: { key } })).count, 20);
});

test("peeking does not count a hit", async () => {
  const key = freshKey();
  for (let i = 0; i < 5; i++) assert.equal((await peekFixedWindow({ key, limit: 1, windowSeconds: 60 })).allowed, true);
  assert.equal(await db.rateLimit.count({ where: { key } }), 0);
});

test("sign-ups and emailed links are limited per email address and per client address, with no plain address stored", async () => {
  const email = `flood-${randomUUID()}@test.local`;
  const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
  // Defaults: 3 sign-ups per email per hour.
  for (let i = 0; i < 3; i++) await limitEmailRequest({ kind: "sign-up", email, ip: `${ip}-${i}` });
  await assert.rejects(limitEmailRequest({ kind: "sign-up", email, ip: `${ip}-x` }), (e: unknown) => e instanceof AppError && e.code === "RATE_LIMITED" && /for this email address/.test(e.message));
  // Links for the same email are counted apart from sign-ups: 5 per email per hour.
  for (let i = 0; i < 5; i++) await limitEmailRequest({ kind: "email-link", email, ip: `${ip}-${i}` });
  await assert.rejects(limitEmailRequest({ kind: "email-link", email, ip: `${ip}-y` }), (e: unknown) => e instanceof AppError && e.code === "RATE_LIMITED");
  // 20 sign-ups per client address per hour, whatever the emails.
  for (let i = 0; i < 20; i++) await limitEmailRequest({ kind: "sign-up", email: `a${i}-${randomUUID()}@test.local`, ip });
  await assert.rejects(limitEmailRequest({ kind: "sign-up", email: `b-${randomUUID()}@test.local`, ip }), (e: unknown) => e instanceof AppError && /from your network/.test(e.message));
  const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join("\n");
  assert.ok(!keys.includes(email) && !keys.includes(ip), "a plain email or address is stored in RateLimit");
});

test("API applications: API_RATE_LIMIT_PER_MINUTE (600) by default, an application's own limit when it has one, counted per application", async () => {
  const now = new Date("2030-01-01T12:00:10Z");
  const own = { applicationId: `app-${randomUUID()}`, limitPerMinute: 3 };
  for (let i = 0; i < 3; i++) assert.deepEqual(await limitApplicationRequests({ ...own, now }), { allowed: true });
  // Refused until the minute that began with the first request is over.
  assert.deepEqual(await limitApplicationRequests({ ...own, now: new Date(now.getTime() + 15_000) }), { allowed: false, retryAfterSeconds: 45 });
  assert.deepEqual(await limitApplicationRequests({ ...own, now: new Date(now.getTime() + 60_000) }), { allowed: true });
  // Another application is counted apart, under the default: its 599th request has been made.
  const other = { applicationId: `app-${randomUUID()}`, limitPerMinute: null };
  await db.rateLimit.create({ data: { key: limitKey("api:application", other.applicationId), count: 599, windowStart: now } });
  const verdicts = await Promise.all(Array.from({ length: 5 }, () => limitApplicationRequests({ ...other, now })));
  assert.deepEqual(verdicts.filter((v) => v.allowed).length, 1);
  assert.ok(verdicts.filter((v) => !v.allowed).every((v) => !v.allowed && v.retryAfterSeconds === 60));
  const keys = (await db.rateLimit.findMany({ where: { key: { startsWith: "api:application:" } }, select: { key: true } })).map((r) => r.key).join("\n");
  assert.ok(!keys.includes(own.applicationId), "keys hold a keyed hash of the application, like every other limit");
});

test("parallel requests of one application cannot overshoot its limit", async () => {
  const application = { applicationId: `app-${randomUUID()}`, limitPerMinute: 7 };
  const verdicts = await Promise.all(Array.from({ length: 25 }, () => limitApplicationRequests(application)));
  assert.equal(verdicts.filter((v) => v.allowed).length, 7);
});
