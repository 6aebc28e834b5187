import "server-only";
import pg from "pg";
import { db, type Tx } from "@/lib/db";
import { databaseKind, databaseUrl } from "@/lib/database/database-url";

/**
 * Settings the admin console edits (policies, branding, feature flags, widget origins), one JSON
 * document per key in the Setting table. Every flow reads them, so they are cached in the process:
 * a read costs no statement while the cache is fresh.
 *
 * A change takes effect on the next request on every instance, not after a restart or a timeout:
 * - the instance that saved it forgets its copy at once;
 * - on PostgreSQL the save also sends `NOTIFY settings_changed, '<key>'` inside its transaction, so it
 *   is delivered when the change commits, and every instance, listening on a connection of its own,
 *   forgets that key (SQLite runs one instance, so the first rule is enough);
 * - while an instance's listening connection is not up (starting, or lost), it caches nothing and
 *   reads the row on every use; once the connection is back it starts from an empty cache.
 * There is no expiry besides: a cached value is right until one of those says otherwise, so a warm
 * instance reads no setting row at all (second-factor-cost.spec.ts counts on it). A value written to
 * the table by hand is therefore seen after a restart (or, on PostgreSQL, after `NOTIFY`).
 */
const CHANNEL = "settings_changed";

type Entry = { value: unknown };
/**
 * `forgets` counts forgettings of everything and `keyForgets` of one key, so a read that raced a
 * forgetting of its key does not cache what it read before it; a change to another key (our own
 * save's notification arriving late, say) does not stop it.
 */
type State = {
  cache: Map<string, Entry>;
  listener: Promise<void> | null;
  listening: boolean;
  retryAt: number;
  forgets: number;
  keyForgets: Map<string, number>;
};
const globalForSettings = globalThis as unknown as { settingsStore?: State };
const state = (globalForSettings.settingsStore ??= { cache: new Map(), listener: null, listening: false, retryAt: 0, forgets: 0, keyForgets: new Map() });
state.keyForgets ??= new Map(); // a store made by an older build before a hot reload

/** Changes whenever `key` is forgotten, alone or with every other key. */
const forgottenTimes = (key: string) => `${state.forgets}:${state.keyForgets.get(key) ?? 0}`;
/** After a lost or refused listening connection, how long before it is opened again. */
const RECONNECT_AFTER_MS = 5_000;

/**
 * The setting under `key`, parsed by `parse`. When no row exists yet, `initial()` (the environment's
 * values) is stored, so the first start turns today's configuration into a row the console can edit;
 * of two instances starting together, the first insert wins and both read it back.
 */
export async function readSetting<T>(key: string, parse: (raw: unknown) => T, initial: () => T): Promise<T> {
  listenForChanges();
  const cached = state.cache.get(key);
  // On PostgreSQL a listener that is not (yet) connected cannot tell us of changes: read the row then.
  const hearsChanges = state.listening || databaseKind() === "sqlite";
  if (cached && hearsChanges) return cached.value as T;
  const forgetsBefore = forgottenTimes(key);
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  let value: T;
  if (row) {
    value = parseStored(key, row.value, parse, initial);
  } else {
    value = initial();
    await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: {}, select: { key: true } });
  }
  // Not while deaf: a change made meanwhile on another instance would go unheard.
  // Nor when a change was announced while this read was under way: it may have read the row before it.
  if (hearsChanges && forgottenTimes(key) === forgetsBefore) state.cache.set(key, { value });
  return value;
}

/**
 * A stored document that no longer parses (a later version tightened a limit) must not take the app
 * down: the environment's values apply, and the console shows them for the administrator to save.
 */
function parseStored<T>(key: string, raw: string, parse: (raw: unknown) => T, initial: () => T): T {
  try {
    return parse(JSON.parse(raw));
  } catch (error) {
    console.warn(`setting ${key} is not valid any more; using the environment's values`, error instanceof Error ? error.message : error);
    return initial();
  }
}

/**
 * Saves `value` under `key` inside the caller's transaction (which also writes the audit row), and
 * tells every instance. Call `forgetSetting(key)` after the transaction commits.
 */
export async function writeSetting(tx: Tx, key: string, value: unknown, updatedById: string | null) {
  const text = JSON.stringify(value);
  await tx.setting.upsert({ where: { key }, create: { key, value: text, updatedById }, update: { value: text, updatedById }, select: { key: true } });
  if (databaseKind() === "postgresql") await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${key})`;
}

/** Drops this instance's copy of `key` (after a save, and when another instance says it changed). */
export function forgetSetting(key: string) {
  state.keyForgets.set(key, (state.keyForgets.get(key) ?? 0) + 1);
  state.cache.delete(key);
}

/** For tests: forget every cached setting. */
export function forgetAllSettings() {
  state.forgets += 1;
  state.keyForgets.clear();
  state.cache.clear();
}

/**
 * For tests: whether this process hears other instances' saves, once its listener has tried to connect
 * (at once on SQLite); from then on a cached setting is read without a statement.
 */
export async function listeningForChanges(): Promise<boolean> {
  listenForChanges();
  await state.listener;
  return state.listening || databaseKind() === "sqlite";
}

/** On PostgreSQL, one connection per instance that hears other instances' saves. */
function listenForChanges() {
  if (state.listener || databaseKind() !== "postgresql" || Date.now() < state.retryAt) return;
  state.listener = (async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    const reconnect = () => {
      state.listening = false;
      state.listener = null;
      state.retryAt = Date.now() + RECONNECT_AFTER_MS;
      forgetAllSettings();
    };
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) forgetSetting(message.payload);
    });
    client.on("error", (error) => {
      console.warn("settings listener lost its connection", error.message);
      reconnect();
      client.end().catch(() => {});
    });
    client.on("end", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Anything cached before the listener was up may have missed a change.
      forgetAllSettings();
      state.listening = true;
      // The listener must not keep a script or test process alive.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    } catch (error) {
      console.warn("settings listener could not connect; settings are read on every request", error instanceof Error ? error.message : error);
      reconnect();
    }
  })();
}
