"use client";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";

export default function SignUpPage() {
  const [message, setMessage] = useState(null);
  return (
    <main>
      <h1>Create an account</h1>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const { error } = await authClient.signUp.email({
            name: String(form.get("name")),
            email: String(form.get("email")),
            password: String(form.get("password")),
          });
          setMessage(error ? (error.message ?? "Could not sign up.") : "Check your email to confirm your address.");
        }}
      >
        <label>
          Name <input name="name" required />
        </label>
        <label>
          Email <input name="email" type="email" required />
        </label>
        <label>
          Password <input name="password" type="password" minLength={8} required />
        </label>
        {message && <p role="status">{message}</p>}
        <button>Sign up</button>
      </form>
    </main>
  );
}
