"use client";
import { authClient } from "@/lib/auth-client";

export function SignOut() {
  return (
    <button type="button" onClick={() => authClient.signOut().then(() => (window.location.href = "/sign-in"))}>
      Sign out
    </button>
  );
}
