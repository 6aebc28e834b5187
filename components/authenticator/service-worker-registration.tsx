"use client";

import { useEffect } from "react";
import { SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from "@/components/authenticator/phone-storage";

/** Registers the authenticator's service worker (push and notifications); renders nothing. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE }).catch((error: unknown) => {
      // Without it the app still works while open (it polls); only pushes to a closed app are lost.
      console.warn("authenticator: service worker not registered", error);
    });
  }, []);
  return null;
}
