/**
 * The load balancer of the end-to-end tests on PostgreSQL: one port in front of two app instances,
 * taking turns per request (no sticky sessions, which the README says are not needed). A request with
 * `x-e2e-instance: a` (or `b`) goes to that instance, so a test can wait on one instance and complete on
 * the other; every answer says which instance gave it in the same header. The Host header is passed on
 * unchanged, as a load balancer does, so the app sees its public origin.
 *   BALANCER_PORT=3100 BALANCER_UPSTREAMS=a=http://127.0.0.1:3101,b=http://127.0.0.1:3102 node scripts/e2e-balancer.mjs
 * GET /__balancer answers the number of requests each instance has served (the readiness check too).
 */
import http from "node:http";

const port = Number(process.env.BALANCER_PORT ?? 3100);
const upstreams = (process.env.BALANCER_UPSTREAMS ?? "")
  .split(",")
  .filter(Boolean)
  .map((entry) => {
    const [name, url] = entry.split("=");
    return { name, url: new URL(url) };
  });
if (upstreams.length === 0) throw new Error("BALANCER_UPSTREAMS is empty");
const served = Object.fromEntries(upstreams.map((u) => [u.name, 0]));
let turn = 0;

// A new connection per request. With kept-alive connections, a request sent on a socket at the moment
// the app closes it as idle fails (ECONNRESET) and was answered 502: under load a page's script chunk
// could be lost that way and the page never hydrated. Node's global agent keeps connections alive.
const agent = new http.Agent({ keepAlive: false });

http
  .createServer((request, response) => {
    if (request.url === "/__balancer") {
      response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      response.end(JSON.stringify(served));
      return;
    }
    const pinned = request.headers["x-e2e-instance"];
    const upstream = upstreams.find((u) => u.name === pinned) ?? upstreams[turn++ % upstreams.length];
    served[upstream.name]++;
    const forwarded = http.request(
      { host: upstream.url.hostname, port: upstream.url.port, method: request.method, path: request.url, headers: request.headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-e2e-instance": upstream.name });
        answer.pipe(response);
      },
    );
    // A client that goes away (a closed page's event stream) takes its upstream request with it, as a
    // real balancer does; otherwise the instance would keep serving a stream nobody reads.
    let abandoned = false;
    response.on("close", () => {
      if (response.writableFinished) return;
      abandoned = true;
      forwarded.destroy();
    });
    forwarded.on("error", (error) => {
      if (abandoned) return;
      // On stderr, which Playwright shows: a lost request explains a test that waits in vain.
      console.error(`balancer: ${request.method} ${request.url} to instance ${upstream.name} failed: ${error.message}`);
      if (!response.headersSent) response.writeHead(502, { "Content-Type": "text/plain", "x-e2e-instance": upstream.name });
      response.end(`instance ${upstream.name} did not answer: ${error.message}\n`);
    });
    request.pipe(forwarded);
  })
  .listen(port);

// Playwright stops web servers with SIGTERM (and SIGINT on Ctrl-C).
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
