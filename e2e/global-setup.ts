/**
 * Refuses to run end-to-end tests against anything but a local SQLite file or a PostgreSQL database on
 * this machine: they create and delete data.
 */
export default function assertLocalDatabase() {
  const url = process.env.DATABASE_URL ?? "";
  const local = url.startsWith("file:") || /^postgres(ql)?:\/\/[^@/]*@?(localhost|127\.0\.0\.1)(:\d+)?\/mfa_e2e\w*$/.test(url);
  if (!local) {
    throw new Error(`End-to-end tests only run against a local database, not ${url.replace(/\/\/.*@/, "//…@")}`);
  }
}
