import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { AddPasskey } from "./add-passkey";

export default async function DevicesPage() {
  const requestHeaders = await headers();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) redirect("/sign-in");
  const passkeys = await auth.api.listPasskeys({ headers: requestHeaders });
  const totp = session.user.twoFactorEnabled;
  return (
    <main>
      <h1>Your devices</h1>
      <ul>
        {totp && <li>Authenticator app (TOTP)</li>}
        {passkeys.map((p) => (
          <li key={p.id}>
            {p.name ?? "Passkey"} · {p.deviceType} · added {new Date(p.createdAt).toLocaleDateString("en")}
          </li>
        ))}
      </ul>
      <AddPasskey />
      <p>
        <a href="/account">Account</a>
      </p>
    </main>
  );
}
