import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { databaseHandles, listeningPid } from "./fixtures/server-process";
import { PASSWORD, seedUser } from "./fixtures/users";

// The server opens the database once and keeps that one connection: its open files on the database
// (the file, -wal, -shm) stay the same however many requests and transactions it serves.

type Jar = Map<string, string>;

function remember(jar: Jar, response: Response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

async function send(jar: Jar, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
  const response = await fetch(new URL(path, baseURL), { ...init, headers, redirect: "manual" });
  remember(jar, response);
  return response;
}

/** A password sign-in through next-auth's endpoint, as the form does it: 2 requests. */
async function signInWithPassword(jar: Jar, email: string, password: string) {
  const csrf = await send(jar, "/api/auth/csrf");
  expect(csrf.status).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await send(jar, "/api/auth/callback/password", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/account", json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("the server's open handles on the database stay flat over 1,000 requests with password sign-ins", async () => {
  test.setTimeout(300_000);
  const users = await Promise.all([1, 2, 3, 4].map(() => seedUser({ mfaEnabled: false })));
  const pid = listeningPid(new URL(baseURL).port ? Number(new URL(baseURL).port) : 80);

  // Warm up: the connection opens with the first query.
  expect(await signInWithPassword(new Map(), users[0]!.email, PASSWORD)).toBeNull();
  const before = databaseHandles(pid);
  expect(before).toBeGreaterThan(0);

  // 125 rounds of 8 requests, 5 rounds at a time: two password sign-ins (one right, whose session and
  // audit rows are written in transactions; one wrong, audited in a transaction), each with its CSRF
  // request, then two pages read with the session.
  let requests = 0;
  const round = async (i: number) => {
    const user = users[i % users.length]!;
    const jar: Jar = new Map();
    expect(await signInWithPassword(jar, user.email, PASSWORD)).toBeNull();
    expect(await signInWithPassword(new Map(), user.email, `wrong-${randomUUID()}`)).toBe("CredentialsSignin");
    expect((await send(jar, "/account")).status).toBe(200);
    expect((await send(jar, "/devices")).status).toBe(200);
    requests += 8;
  };
  for (let start = 0; start < 125; start += 5) {
    await Promise.all([0, 1, 2, 3, 4].map((offset) => round(start + offset)));
  }
  expect(requests).toBe(1000);

  const after = databaseHandles(pid);
  console.log(`server ${pid}: ${before} handles on the database before, ${after} after ${requests} requests`);
  expect(after).toBe(before);
  expect(after).toBeLessThanOrEqual(3);
});
