import type { Catalogue } from "@/lib/i18n/messages/en";

/** The portal's frame: navigation and sign-out. */
export const portal: Catalogue["portal"] = {
  navLabel: "Compte",
  overview: "Vue d'ensemble",
  devices: "Appareils",
  browsers: "Navigateurs",
  sessions: "Sessions",
  signOut: "Se déconnecter",
};
