import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { TotpForm } from "./totp-form";

export default async function TwoFactorPage() {
  // Only a sign-in that gave its password carries the two-factor cookie.
  const jar = await cookies();
  if (!jar.getAll().some((c) => c.name.endsWith("two_factor"))) redirect("/sign-in");
  return (
    <main>
      <h1>Enter the code from your authenticator app</h1>
      <TotpForm />
    </main>
  );
}
