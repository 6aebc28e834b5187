import { AuthenticatorApp } from "@/components/authenticator/authenticator-app";

/** The phone's home: its paired accounts with their passcodes, and the sign-in requests waiting. */
export default function AuthenticatorPage() {
  return <AuthenticatorApp />;
}
