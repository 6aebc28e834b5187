/** Refuses to run end-to-end tests against anything but a local SQLite file: they create and delete data. */
export default function assertLocalDatabase() {
  const url = process.env.DATABASE_URL ?? "";
  if (!url.startsWith("file:")) {
    throw new Error(`End-to-end tests only run against a local database file, not ${url.replace(/\/\/.*@/, "//…@")}`);
  }
}
