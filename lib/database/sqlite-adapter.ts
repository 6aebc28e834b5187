/**
 * The one way this project opens its SQLite file: `@prisma/adapter-better-sqlite3` with the settings
 * every connection needs, and a queue that makes statements take turns on the single connection.
 * Used by lib/db.ts (the app), prisma.config.ts (the CLI), the seed and the tests.
 * No "server-only" and no generated client here: the Prisma CLI loads this file before `generate`.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { databaseBusyTimeoutMs, databaseUrl } from "./database-url";
import { announce } from "./statement-log";

export type SqliteAdapterOptions = { url?: string; busyTimeoutMs?: number };

/**
 * One better-sqlite3 connection per `connect()` (Prisma calls it once per client), opened with WAL,
 * the busy timeout and foreign keys before Prisma sends its first query.
 */
export function sqliteAdapterFactory(options: SqliteAdapterOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  const url = options.url ?? databaseUrl();
  const busyTimeoutMs = options.busyTimeoutMs ?? databaseBusyTimeoutMs();
  // better-sqlite3's `timeout` is SQLite's busy timeout, set as the connection opens.
  const inner = new PrismaBetterSQLite3({ url, timeout: busyTimeoutMs });
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    async connect() {
      const connection = await inner.connect();
      await configure(connection, busyTimeoutMs);
      return new SerializedAdapter(connection);
    },
    async connectToShadowDb() {
      const connection = await inner.connectToShadowDb();
      await configure(connection, busyTimeoutMs);
      return new SerializedAdapter(connection, { scriptsAsScripts: true });
    },
  };
}

/**
 * WAL lets readers (this process and others) carry on while one process writes; the busy timeout makes
 * a writer wait for another process's lock instead of failing at once; SQLite leaves foreign keys off
 * unless asked, and the schema's cascades depend on them. journal_mode is set after the busy timeout,
 * since switching to WAL needs a moment of exclusive access.
 */
async function configure(connection: SqlDriverAdapter, busyTimeoutMs: number) {
  await connection.executeScript(`PRAGMA busy_timeout = ${busyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;`);
}

/** A first-come, first-served lock: `acquire()` resolves with the function that releases it, once. */
class Turns {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    let released = false;
    return previous.then(() => () => {
      if (released) return;
      released = true;
      release();
    });
  }
}

const noArgs = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * The adapter's connection is shared by every request in the process, and the adapter only serializes
 * transactions against each other: a plain statement from another request, arriving while an
 * interactive transaction awaits something, would run inside that transaction (seeing its uncommitted
 * rows, and rolled back with it). Here every statement and every transaction takes its turn.
 *
 * Transactions begin with BEGIN IMMEDIATE instead of the adapter's deferred BEGIN: a deferred
 * transaction that has read and then wants to write cannot wait for another process's lock (SQLite
 * answers SQLITE_BUSY at once, the busy timeout notwithstanding); taking the write lock first makes
 * the busy timeout apply, and nothing inside the transaction can then be refused for a lock.
 */
class SerializedAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #connection: SqlDriverAdapter;
  readonly #turns = new Turns();
  readonly #scriptsAsScripts: boolean;

  constructor(connection: SqlDriverAdapter, options: { scriptsAsScripts?: boolean } = {}) {
    this.#connection = connection;
    this.adapterName = connection.adapterName;
    this.#scriptsAsScripts = options.scriptsAsScripts ?? false;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const release = await this.#turns.acquire();
    try {
      announce(query.sql);
      return await this.#connection.queryRaw(query);
    } finally {
      release();
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    const release = await this.#turns.acquire();
    try {
      // `prisma migrate dev` replays each migration file into the shadow database as one parameterless
      // statement; better-sqlite3 prepares one statement at a time, so run such a file as a script.
      announce(query.sql);
      if (this.#scriptsAsScripts && query.args.length === 0 && /;\s*\S/.test(query.sql)) {
        await this.#connection.executeScript(query.sql);
        return 0;
      }
      return await this.#connection.executeRaw(query);
    } finally {
      release();
    }
  }

  async executeScript(script: string): Promise<void> {
    const release = await this.#turns.acquire();
    try {
      await this.#connection.executeScript(script);
    } finally {
      release();
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; anything else would be a promise we cannot keep.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    }
    const release = await this.#turns.acquire();
    try {
      announce("BEGIN IMMEDIATE");
      await this.#connection.executeRaw(noArgs("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return new SerializedTransaction(this.#connection, release);
  }

  dispose(): Promise<void> {
    return this.#connection.dispose();
  }
}

/**
 * Prisma ends a transaction by sending COMMIT or ROLLBACK through `executeRaw` and only then calls
 * `commit()`/`rollback()`, and only if that statement succeeded. So the turn is released when the
 * closing statement has run, whatever its outcome, and a failed COMMIT is rolled back: otherwise the
 * connection would keep SQLite's write lock and the queue would wait forever (no write would work,
 * here or in any other process, until a restart).
 */
class SerializedTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly options: TransactionOptions = { usePhantomQuery: false };
  readonly #connection: SqlDriverAdapter;
  readonly #release: () => void;

  constructor(connection: SqlDriverAdapter, release: () => void) {
    this.#connection = connection;
    this.adapterName = connection.adapterName;
    this.#release = release;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    announce(query.sql);
    return this.#connection.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    announce(query.sql);
    if (!/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) return this.#connection.executeRaw(query);
    try {
      return await this.#connection.executeRaw(query);
    } catch (error) {
      // "No transaction is active" is the one expected failure here, and harmless.
      await this.#connection.executeRaw(noArgs("ROLLBACK")).catch(() => undefined);
      throw error;
    } finally {
      this.#release();
    }
  }

  async commit(): Promise<void> {
    this.#release();
  }

  async rollback(): Promise<void> {
    this.#release();
  }
}
