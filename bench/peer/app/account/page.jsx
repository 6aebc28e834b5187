import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { SignOut } from "./sign-out";

export default async function AccountPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  const user = session.user;
  return (
    <main>
      <h1>Your account</h1>
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Two-factor authentication</dt>
        <dd>{user.twoFactorEnabled ? "On" : "Off"}</dd>
        <dt>Signed in since</dt>
        <dd>{new Date(session.session.createdAt).toISOString()}</dd>
      </dl>
      <p>
        <a href="/devices">Devices</a> · <SignOut />
      </p>
    </main>
  );
}
