// The app's HTTP server: Next.js behind a few lines that only a server holding the socket can do.
//
// Route handlers and server actions never see the TCP peer address, and Next's own server keeps any
// X-Forwarded-For a client sends. So the peer address is copied here into a private header, after
// deleting whatever the client put under that name; lib/auth/request-meta.ts reads it and believes
// X-Forwarded-For only from TRUSTED_PROXIES (security.md item 30).
//
//   node server.mjs --dev      development (npm run dev)
//   node server.mjs            production, after `next build` (npm start)
//   PORT (default 3000) and LISTEN_ADDRESS (default all interfaces) choose where it listens. Not
//   HOSTNAME: shells and containers set that to the machine's name, which would narrow the listener.
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const PEER_ADDRESS_HEADER = "x-mfa-peer-address"; // lib/net/client-address.ts
const dev = process.argv.includes("--dev");
// `next start` sets this itself; a custom server must, before Next loads.
process.env.NODE_ENV ??= dev ? "development" : "production";
// Tells lib/auth/request-meta.ts that the peer header comes from here and not from the client.
process.env.MFA_PEER_ADDRESS_HEADER = "1";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.LISTEN_ADDRESS || undefined;
const { default: next } = await import("next");
const app = next({ dev, dir: dirname(fileURLToPath(import.meta.url)), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  delete req.headers[PEER_ADDRESS_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_ADDRESS_HEADER] = peer;
  // A target Next cannot parse would end in its 500 page before any of the app's code runs.
  if (!isParsableTarget(req.url)) {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request: the address is malformed.\n");
    return;
  }
  handle(req, res).catch((error) => {
    console.error("request failed", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Something went wrong on our side.\n");
  });
}).listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname ?? "localhost"}:${port} (${dev ? "development" : "production"})`);
});

// Ctrl-C or a supervisor's SIGTERM: stop taking requests and let Next shut down. In development this
// is when Turbopack writes its file-system cache, which makes the next `npm run dev` start warm; a
// custom server that simply exits loses it and compiles every page from scratch on each start.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    const forced = setTimeout(() => process.exit(0), 10_000);
    forced.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error("shutdown failed", error);
        process.exit(1);
      },
    );
  });
}

function isParsableTarget(target) {
  if (!target || !target.startsWith("/")) return false;
  try {
    const url = new URL(target, "http://localhost");
    decodeURIComponent(url.pathname);
    return true;
  } catch {
    return false;
  }
}
