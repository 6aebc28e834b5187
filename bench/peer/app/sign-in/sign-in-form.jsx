"use client";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";

export function SignInForm() {
  const [error, setError] = useState(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        const { data, error } = await authClient.signIn.email({
          email: String(form.get("email")),
          password: String(form.get("password")),
        });
        setPending(false);
        if (error) setError(error.message ?? "Could not sign in.");
        else if (!(data && "twoFactorRedirect" in data && data.twoFactorRedirect)) window.location.href = "/account";
      }}
    >
      <label>
        Email <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p role="alert">{error}</p>}
      <button disabled={pending}>Sign in</button>
      <button type="button" onClick={() => authClient.signIn.passkey().then(({ error }) => (error ? setError(error.message ?? "Passkey failed.") : (window.location.href = "/account")))}>
        Sign in with a passkey
      </button>
    </form>
  );
}
