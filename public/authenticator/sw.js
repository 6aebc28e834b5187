/*
 * The authenticator's service worker (scope /authenticator/). A push carries no secret, only a hint
 * ({ kind, challengeId }): it wakes the app, which then fetches its pending requests from the server
 * with a signed request. So a push that is lost, delayed or read by the push service reveals nothing,
 * and the open app's live channel works without it.
 */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let hint = {};
  try {
    hint = event.data ? event.data.json() : {};
  } catch {
    hint = {};
  }
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of windows) client.postMessage({ type: "push", kind: hint.kind, challengeId: hint.challengeId });
      if (hint.kind === "push-challenge") {
        await self.registration.showNotification("Sign-in request", {
          body: "Open to approve or deny. Choose the number shown on the sign-in screen.",
          tag: hint.challengeId || "sign-in-request",
          renotify: true,
          requireInteraction: true,
          data: { url: "/authenticator" },
        });
      } else if (hint.kind === "unpaired") {
        await self.registration.showNotification("Phone unpaired", { body: "This phone no longer approves sign-ins for an account.", tag: "unpaired" });
      }
    })(),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).pathname.startsWith("/authenticator"));
      if (open) return open.focus();
      return self.clients.openWindow("/authenticator");
    })(),
  );
});
