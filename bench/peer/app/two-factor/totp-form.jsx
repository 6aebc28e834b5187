"use client";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";

export function TotpForm() {
  const [error, setError] = useState(null);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const code = String(new FormData(event.currentTarget).get("code"));
        const { error } = await authClient.twoFactor.verifyTotp({ code });
        if (error) setError(error.message ?? "That code did not work.");
        else window.location.href = "/account";
      }}
    >
      <label>
        Code <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required />
      </label>
      {error && <p role="alert">{error}</p>}
      <button>Verify</button>
    </form>
  );
}
