/**
 * The one way this project opens PostgreSQL: `@prisma/adapter-pg` over a `pg` pool, with two additions.
 * Used by lib/db.ts (the app), prisma.config.ts (the CLI: `prisma migrate deploy`), the seed and tests.
 * No "server-only" and no generated client here: the Prisma CLI loads this file before `generate`.
 *
 * 1. Prisma 6.19.3's JavaScript schema engine reads PostgreSQL's catalogs, whose columns have the
 *    internal types `name` and `"char"`; the adapter maps result columns by type and refuses those two
 *    ("Column type 'name' could not be deserialized"), so `prisma migrate deploy` fails through it.
 *    Both are plain text on the wire; the pool's client reports them as `text`, and the adapter, the
 *    schema engine and a later Prisma that no longer needs this all read the same values.
 * 2. Every statement is counted and handed to the query log (./statement-log.ts), as on SQLite.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseBusyTimeoutMs, databaseUrl } from "./database-url";
import { announce } from "./statement-log";

export type PostgresqlAdapterOptions = { url?: string; busyTimeoutMs?: number; poolSize?: number };

/** PostgreSQL type OIDs (pg_type.oid) the adapter does not map, and what they really carry. */
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const AS_TEXT: Record<number, number> = {
  19: TEXT_OID, // name
  18: TEXT_OID, // "char" (pg_class.relkind and the like)
  1003: TEXT_ARRAY_OID, // name[]
  1002: TEXT_ARRAY_OID, // "char"[]
};

type FieldsResult = { fields?: { dataTypeID: number }[] };

function relabel(result: unknown) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as FieldsResult | undefined)?.fields ?? []) {
      const text = AS_TEXT[field.dataTypeID];
      if (text) field.dataTypeID = text;
    }
  }
  return result;
}

/**
 * A `pg` client whose results call `name` and `"char"` columns text. `pg` calls `query` with a
 * callback (the pool does) or without (the adapter's transactions do); both are covered.
 */
class CatalogTextClient extends pg.Client {
  // @ts-expect-error pg's overloads cannot be restated; the arguments pass through unchanged.
  override query(...args: unknown[]) {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : relabel(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return pending && typeof (pending as Promise<unknown>).then === "function" ? (pending as Promise<unknown>).then(relabel) : pending;
  }
}

/** DATABASE_POOL_SIZE: connections per app instance (default 10). Instances × pool size must stay under the server's max_connections. */
export function databasePoolSize(): number {
  const raw = process.env.DATABASE_POOL_SIZE;
  if (raw === undefined || raw === "") return 10;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 500) throw new Error("DATABASE_POOL_SIZE must be a whole number between 1 and 500");
  return value;
}

export function postgresqlAdapterFactory(options: PostgresqlAdapterOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  const url = options.url ?? databaseUrl();
  const lockTimeoutMs = options.busyTimeoutMs ?? databaseBusyTimeoutMs();
  const poolConfig = (connectionString: string) => ({
    connectionString,
    Client: CatalogTextClient as unknown as typeof pg.Client,
    max: options.poolSize ?? databasePoolSize(),
    // A request waits at most this long for a row lock another instance holds, then is answered
    // "busy, try again" (55P03, lib/database/unavailable.ts), as a locked SQLite file is.
    options: `-c lock_timeout=${lockTimeoutMs}`,
    connectionTimeoutMillis: lockTimeoutMs + 5000,
    idleTimeoutMillis: 30_000,
    // Scripts, the seed and tests end when their work is done instead of waiting out the idle timeout.
    allowExitOnIdle: true,
  });
  const inner = new PrismaPg(poolConfig(url));
  return {
    provider: "postgres",
    adapterName: inner.adapterName,
    async connect() {
      return new CountedAdapter(await inner.connect());
    },
    /**
     * `prisma migrate diff --from-migrations` and `migrate dev` replay the migrations into an empty
     * shadow database. The adapter's own shadow keeps our connection string, whose database name wins
     * over the one it makes, so it would replay into this very database; this one connects to the new
     * database by name and drops it when done.
     */
    async connectToShadowDb() {
      const admin = await inner.connect();
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = await new PrismaPg(poolConfig(shadowUrl.toString())).connect();
      return new CountedAdapter(shadow, async () => {
        await shadow.dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.dispose();
      });
    },
  };
}

/** Counts and logs each statement, then hands it on. Transactions are counted the same way. */
class CountedAdapter implements SqlDriverAdapter {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;

  readonly #dispose: (() => Promise<void>) | undefined;

  constructor(inner: SqlDriverAdapter, dispose?: () => Promise<void>) {
    this.#inner = inner;
    this.adapterName = inner.adapterName;
    this.#dispose = dispose;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    announce(query.sql);
    return this.#inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    announce(query.sql);
    return this.#inner.executeRaw(query);
  }

  executeScript(script: string): Promise<void> {
    return this.#inner.executeScript(script);
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    announce("BEGIN");
    return countedTransaction(await this.#inner.startTransaction(isolationLevel));
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  dispose(): Promise<void> {
    return this.#dispose ? this.#dispose() : this.#inner.dispose();
  }
}

function countedTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw(query) {
      announce(query.sql);
      return inner.queryRaw(query);
    },
    executeRaw(query) {
      announce(query.sql);
      return inner.executeRaw(query);
    },
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
  };
}
