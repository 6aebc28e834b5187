import { expect, test } from "@playwright/test";
import { bearer, createTestApplication, seedApplicationUser } from "./fixtures/applications";
import { crossSiteHostOrigin } from "./fixtures/server-env";

/**
 * A widget opened with a token has no cookie of ours in its frame, so it listens on its flow's live
 * channel with its widget session's credential (components/flows/live-channel.ts): a waiting section
 * (a phone's approval, an emailed link) moves within a second, as on the portal's own pages.
 */
test("a widget session hears its flow change on the live channel with its credential; without one, a made-up one, or another session's (same user, or another user of another application), it is refused", async ({ page, request, baseURL }) => {
  const application = await createTestApplication({ name: "Live Shop" });
  const user = await seedApplicationUser(application, { mfaEnabled: false, devices: [] });
  const origin = crossSiteHostOrigin(baseURL!);

  // What the host's server and the widget's frame do: a token for the user, spent to open the flow.
  const issued = await request.post("/api/v1/widget-tokens", { headers: bearer(application.secret), data: { userId: user.id, origin } });
  expect(issued.status(), await issued.text()).toBe(201);
  const { token } = (await issued.json()) as { token: string };
  const opened = await request.post("/api/widget/flows", {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { flow: "device-management", parentOrigin: origin, token },
  });
  expect(opened.status(), await opened.text()).toBe(200);
  const { view, widgetSession } = (await opened.json()) as { view: { flow: { id: string } }; widgetSession: string };
  const live = `/api/flows/${view.flow.id}/live`;

  expect((await request.get(live)).status()).toBe(401);
  expect((await request.get(live, { headers: { Authorization: "Bearer mfa_ws_made.up" } })).status()).toBe(401);

  // Another widget session of the same user, and one of another user of another application: each a
  // live session of its own, and neither finds this flow.
  const opener = async (app: typeof application, userId: string) => {
    const token = ((await (await request.post("/api/v1/widget-tokens", { headers: bearer(app.secret), data: { userId, origin } })).json()) as { token: string }).token;
    const answer = await request.post("/api/widget/flows", { headers: { Origin: baseURL!, "Content-Type": "application/json" }, data: { flow: "device-management", parentOrigin: origin, token } });
    expect(answer.status(), await answer.text()).toBe(200);
    return ((await answer.json()) as { widgetSession: string }).widgetSession;
  };
  const otherApplication = await createTestApplication({ name: "Other Shop" });
  const stranger = await seedApplicationUser(otherApplication, { mfaEnabled: false, devices: [] });
  for (const credential of [await opener(application, user.id), await opener(otherApplication, stranger.id)]) {
    expect((await request.get(live, { headers: { Authorization: `Bearer ${credential}` } })).status()).toBe(404);
  }

  // The stream, read as the frame reads it: fetch with the credential, from a page of ours.
  await page.goto("/sign-in");
  type Listening = Window & { heard?: Promise<string>; opened?: Promise<number> };
  await page.evaluate(
    ({ url, credential }) => {
      const w = window as Listening;
      let status: (code: number) => void = () => {};
      w.opened = new Promise((resolve) => (status = resolve));
      w.heard = (async () => {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${credential}` } });
        status(response.status);
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let text = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return "ended";
          text += value;
          if (text.includes("event: changed")) {
            await reader.cancel();
            return "changed";
          }
        }
      })();
    },
    { url: live, credential: widgetSession },
  );
  expect(await page.evaluate(() => (window as Listening).opened)).toBe(200);

  // Another request changes the flow (turning two-step verification on goes to adding the first device).
  const sent = await request.post(`/api/flows/${view.flow.id}/events`, {
    headers: { Origin: baseURL!, "Content-Type": "application/json", Authorization: `Bearer ${widgetSession}` },
    data: '{"type":"ENABLE_MFA"}',
  });
  expect(sent.status(), await sent.text()).toBe(200);
  expect(await page.evaluate(() => (window as Listening).heard)).toBe("changed");
});
