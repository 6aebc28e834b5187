/*
 * The authenticator's service worker (scope /authenticator/). A push carries no secret, only a hint
 * ({ kind, challengeId }): it wakes the app, which then fetches its pending requests from the server
 * with a signed request. So a push that is lost, delayed or read by the push service reveals nothing,
 * and the open app's live channel works without it.
 */
/*
 * The notifications' words, in the phone's language. A static worker has no catalogue: these mirror
 * lib/i18n/messages/{en,fr}/authenticator.ts (notification.*); keep them in step.
 */
const WORDS = {
  en: {
    requestTitle: "Sign-in request",
    requestBody: "Open to approve or deny. Choose the number shown on the sign-in screen.",
    unpairedTitle: "Phone unpaired",
    unpairedBody: "This phone no longer approves sign-ins for an account.",
  },
  fr: {
    requestTitle: "Demande de connexion",
    requestBody: "Ouvrez pour approuver ou refuser. Choisissez le nombre affiché sur l'écran de connexion.",
    unpairedTitle: "Téléphone dissocié",
    unpairedBody: "Ce téléphone n'approuve plus les connexions d'un compte.",
  },
};

function words() {
  const languages = self.navigator.languages && self.navigator.languages.length ? self.navigator.languages : [self.navigator.language || "en"];
  for (const tag of languages) {
    const language = String(tag).toLowerCase().split("-")[0];
    if (WORDS[language]) return WORDS[language];
  }
  return WORDS.en;
}

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
        await self.registration.showNotification(words().requestTitle, {
          body: words().requestBody,
          tag: hint.challengeId || "sign-in-request",
          renotify: true,
          requireInteraction: true,
          data: { url: "/authenticator" },
        });
      } else if (hint.kind === "unpaired") {
        await self.registration.showNotification(words().unpairedTitle, { body: words().unpairedBody, tag: "unpaired" });
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
