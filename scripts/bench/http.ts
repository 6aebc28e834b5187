/**
 * A small HTTP client for the bench: keep-alive connections, cookies by hand, no redirects followed.
 * node:http rather than fetch: it costs the load generator (on the same two cores as the server)
 * far less CPU per request.
 */
import http from "node:http";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };
export type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/** What the drivers send through: one server's Client, or several instances' (alternating). */
export interface Requester {
  request(req: Request, timeoutMs?: number): Promise<Reply>;
}

export class Client implements Requester {
  readonly agent: http.Agent;
  constructor(
    readonly origin: string,
    maxSockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(req: Request, timeoutMs = 60_000): Promise<Reply> {
    const url = new URL(req.path, this.origin);
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const r = http.request(
        { agent: this.agent, hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method ?? "GET", headers: req.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - start }));
          res.on("error", reject);
        },
      );
      r.setTimeout(timeoutMs, () => r.destroy(new Error(`timeout after ${timeoutMs} ms: ${req.method ?? "GET"} ${req.path}`)));
      r.on("error", reject);
      if (req.body !== undefined) r.end(req.body);
      else r.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

/**
 * A round-robin balancer in the load generator, for several instances of one app: each request goes to
 * the next instance in turn, starting with `first`. Made per simulated browser, its successive requests
 * (the CSRF token, the password, the page, each event) land on alternating instances, so every step
 * of a sign-in is served by another process than the one before it. `sent[i]` counts instance i's.
 */
export function alternating(clients: Client[], first = 0, sent?: number[]): Requester {
  let next = first;
  return {
    request(req, timeoutMs) {
      const i = next++ % clients.length;
      if (sent) sent[i] = (sent[i] ?? 0) + 1;
      return clients[i]!.request(req, timeoutMs);
    },
  };
}

/** A cookie jar for one simulated browser: name → value, from Set-Cookie; deleted cookies dropped. */
export class Jar {
  private readonly cookies = new Map<string, string>();
  constructor(initial?: Record<string, string>) {
    for (const [k, v] of Object.entries(initial ?? {})) this.cookies.set(k, v);
  }
  take(reply: Reply) {
    const set = reply.headers["set-cookie"] ?? [];
    for (const line of set) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return reply;
  }
  /** A cookie the page's own script writes (document.cookie), as a browser would keep it. */
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }

  get(name: string) {
    return this.cookies.get(name);
  }
  names() {
    return [...this.cookies.keys()];
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
