// Holds SQLite's write lock on a database file for a while, as another process would (a backup, the
// seed, `sqlite3`): used by the tests that check the app waits for it instead of failing.
//
//   node scripts/hold-write-lock.mjs <database file> <milliseconds>
//
// Prints "locked" once the lock is held and a row is written (so a test starts on that line, not on a
// timer), then "released" after committing.
import Database from "better-sqlite3";

const [file, ms] = process.argv.slice(2);
if (!file || !Number.isInteger(Number(ms))) {
  console.error("usage: node scripts/hold-write-lock.mjs <database file> <milliseconds>");
  process.exit(2);
}
const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
db.exec("BEGIN IMMEDIATE");
// A real write, rewriting one row with its own values, so the lock is a writer's in every journal mode.
db.exec(`UPDATE "User" SET "email" = "email" WHERE rowid = (SELECT min(rowid) FROM "User")`);
process.stdout.write("locked\n");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  process.stdout.write("released\n");
}, Number(ms));
