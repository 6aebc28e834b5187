// A node:test reporter that writes one line per failure, telling a test that failed apart from a test
// file whose process was killed by a signal (SIGILL, SIGSEGV...) before its tests could finish. The
// first is our defect; the second is the runtime or the machine (seen once in CI: SIGILL in a file that
// passes every time otherwise), and scripts/unit-tests.sh runs such a file once more instead of failing
// the whole suite on it. Lines: "crashed <file> <signal>" or "failed <file> <test name>".
export default async function* crashesReporter(source) {
  for await (const event of source) {
    if (event.type !== "test:fail") continue;
    const error = event.data.details?.error;
    if (error?.signal) yield `crashed ${event.data.file ?? event.data.name} ${error.signal}\n`;
    else yield `failed ${event.data.file ?? "?"} ${JSON.stringify(event.data.name)}\n`;
  }
}
