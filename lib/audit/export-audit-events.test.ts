import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { databaseKind } from "@/lib/database/database-url";
import { createTestDevice, createTestUser } from "@/lib/otp/test-fixtures";
import { csvCell, exportAuditEvents, exportFileName, startAuditExport } from "@/lib/audit/export-audit-events";
import { readAuditPage } from "@/lib/audit/search-audit-events";
import { csvObjects, parseCsv } from "../../e2e/fixtures/csv";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // ignoreBOM: keep the byte order mark, which the test checks, where Response.text() would drop it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

test("a CSV cell is never a formula, and is quoted when RFC 4180 says so", () => {
  for (const formula of ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://evil.example","click")']) {
    const cell = csvCell(formula);
    const [[read]] = parseCsv(`${cell}\r\n`) as [[string]];
    assert.equal(read, `'${formula}`, JSON.stringify(formula));
  }
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell("=a,b"), `"'=a,b"`);
  assert.equal(csvCell(null), "");
  assert.equal(csvCell("1+1"), "1+1", "only the first character decides");
  assert.match(exportFileName("csv", new Date("2026-12-04T19:47:12.345Z")), /^audit-log-2026-12-04T19-47-12Z\.csv$/);
});

test("CSV and JSON exports hold every matching row, newest first, across pages", async () => {
  const user = await createTestUser();
  const device = await createTestDevice(user.id, "SMS");
  await db.device.update({ where: { id: device.id }, data: { nickname: "=cmd|' /C calc'!A0" } });
  const base = Date.parse("2042-02-02T10:00:00.000Z");
  for (let i = 0; i < 5; i++) {
    await db.auditEvent.create({
      data: {
        action: i === 4 ? "device.renamed" : "otp.sent",
        userId: user.id,
        actorId: user.id,
        deviceId: device.id,
        ip: `192.0.2.${i}`,
        userAgent: i === 3 ? 'Agent, "quoted"\nsecond line' : "Agent",
        details: JSON.stringify({ step: i }),
        createdAt: new Date(base + i * 1000),
      },
    });
  }
  const filters = { user: user.email };

  const csv = await readAll(exportAuditEvents({ filters, format: "csv", pageSize: 2 }));
  assert.ok(csv.startsWith("\uFEFFid,time,action,actionLabel,userId,userEmail,"), csv.slice(0, 80));
  const records = csvObjects(csv);
  assert.deepEqual(records.map((r) => JSON.parse(r.details!).step), [4, 3, 2, 1, 0]);
  assert.equal(records[0]!.action, "device.renamed");
  assert.equal(records[0]!.actionLabel, "Device renamed");
  assert.equal(records[0]!.time, "2042-02-02T10:00:04.000Z");
  assert.equal(records[0]!.userEmail, user.email);
  assert.equal(records[0]!.deviceNickname, "'=cmd|' /C calc'!A0", "the formula is text");
  assert.equal(records[1]!.userAgent, 'Agent, "quoted"\nsecond line');

  const json = JSON.parse(await readAll(exportAuditEvents({ filters, format: "json", pageSize: 2 }))) as Record<string, unknown>[];
  assert.deepEqual(json.map((r) => (r.details as { step: number }).step), [4, 3, 2, 1, 0]);
  assert.equal(json[0]!.deviceNickname, "=cmd|' /C calc'!A0", "JSON keeps the value as it is");
  assert.equal(json[0]!.deviceType, "SMS");
  assert.equal(json[0]!.actorEmail, user.email);

  // Exactly a page's worth: the last read finds nothing and closes.
  assert.equal((JSON.parse(await readAll(exportAuditEvents({ filters, format: "json", pageSize: 5 }))) as unknown[]).length, 5);
  const none = { user: "nobody@example.test" };
  assert.deepEqual(JSON.parse(await readAll(exportAuditEvents({ filters: none, format: "json" }))), []);
  assert.deepEqual(parseCsv(await readAll(exportAuditEvents({ filters: none, format: "csv" }))).length, 1, "the header only");
});

test("an export is audited with its actor, format and filters", async () => {
  const admin = await createTestUser();
  const stream = await startAuditExport({ actorId: admin.id, filters: { action: "device.locked", from: "2042-01-01" }, format: "json", meta: { ip: "198.51.100.7", userAgent: "test" } });
  await stream.cancel();
  const row = await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.id, action: "audit.exported" } });
  assert.equal(row.userId, null);
  assert.equal(row.ip, "198.51.100.7");
  assert.deepEqual(JSON.parse(row.details!), { format: "json", filters: { action: "device.locked", from: "2042-01-01" } });
});

test("the export reads a page only when the reader has taken the one before", async () => {
  const user = await createTestUser();
  const rows = (await Promise.all(Array.from({ length: 50 }, (_, i) => db.auditEvent.create({ data: { action: "otp.sent", userId: user.id, createdAt: new Date(Date.now() - i * 1000) } })))).length;
  assert.equal(rows, 50);
  const reads: (string | undefined)[] = [];
  const readPage: typeof readAuditPage = (options) => {
    reads.push(options.after?.id);
    return readAuditPage(options);
  };
  const reader = exportAuditEvents({ filters: { user: user.id }, format: "csv", pageSize: 10, readPage }).getReader();
  // Whatever the stream would do on its own happens before the next macrotask once its reads are done.
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await db.$queryRaw`SELECT 1`;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await reader.read(); // the header
  await settle();
  assert.ok(reads.length <= 1, `${reads.length} pages read after the header`);
  await reader.read(); // the first page
  await settle();
  assert.ok(reads.length <= 2, `${reads.length} pages read after one page`);
  let pages = 1;
  while (!(await reader.read()).done) pages += 1;
  assert.equal(pages, 5);
  assert.equal(reads.length, 6, "five full pages and the empty one that ends it");
  assert.equal(new Set(reads).size, 6, "each read starts after the last row of the one before");
});

test("100,000 rows stream through a small, steady heap", { timeout: 600_000 }, async () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const user = await createTestUser();
  const total = 100_000;
  const base = Date.parse("2043-01-01T00:00:00.000Z");
  const seeding = performance.now();
  await seedRows(user.id, total, base);
  console.log(`inserted ${total} rows in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  // The JavaScript heap and the buffers outside it (encoded chunks live there).
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  gc();
  const before = used();
  const reading = performance.now();
  let peak = before;
  // Between collections too: garbage of pages already sent, not yet collected.
  let highest = before;
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  let lastStart = "";
  const reader = exportAuditEvents({ filters: { user: user.id }, format: "csv" }).getReader();
  for (;;) {
    highest = Math.max(highest, used());
    const { done, value } = await reader.read();
    if (done) break;
    // What stays alive while a chunk is held: the chunk (one page) and whatever the export keeps. The
    // chunk is read after the collection, so it is alive during it.
    gc();
    peak = Math.max(peak, used());
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
    chunks += 1;
    if (chunks === 2) lastStart = new TextDecoder().decode(value.subarray(0, 80));
  }
  gc();
  const growth = peak - before;
  console.log(`exported ${lines - 1} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV in ${chunks} chunks, ${((performance.now() - reading) / 1000).toFixed(1)} s; heap and buffers after collection grew at most ${(growth / 1e3).toFixed(0)} kB (${(growth / 1e6).toFixed(2)} MB), uncollected at most ${((highest - before) / 1e6).toFixed(1)} MB`);
  assert.equal(lines - 1, total, "every row and the header");
  assert.ok(lastStart.includes(",2043-01-01T00:01:39.999Z,"), `newest first: ${lastStart}`);
  // The whole file would be tens of MB as text and several times that as rows; a page is ~0.2 MB.
  assert.ok(growth < 8e6, `heap grew by ${growth} bytes`);
  assert.ok(growth < bytes / 5, `heap grew by ${growth} bytes for ${bytes} bytes exported`);
});

/**
 * `total` rows of one user, one a millisecond from `base`, made by the database itself from one short
 * statement (a recursive count): this process never holds them, so its memory is the export's alone.
 * The time is written as each database stores a DateTime (on SQLite, ISO text with "+00:00").
 */
async function seedRows(userId: string, total: number, base: number) {
  const agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
  const createdAt =
    databaseKind() === "postgresql"
      ? Prisma.sql`to_timestamp((${base}::bigint + n.i) / 1000.0) AT TIME ZONE 'UTC'`
      : Prisma.sql`replace(strftime('%Y-%m-%dT%H:%M:%fZ', (${base} + n.i) / 1000.0, 'unixepoch'), 'Z', '+00:00')`;
  await db.$executeRaw`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${total - 1})
    INSERT INTO "AuditEvent" ("id", "action", "userId", "actorId", "ip", "userAgent", "details", "createdAt")
    SELECT ${`export-${userId}-`} || n.i, 'otp.sent', ${userId}, ${userId}, '203.0.113.9', ${agent},
           '{"n":' || n.i || ',"channel":"sms"}', ${createdAt}
    FROM n`;
}
