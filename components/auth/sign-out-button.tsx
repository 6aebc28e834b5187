import { signOutAction } from "@/app/(auth)/actions";

/**
 * A server component: the form posts to the sign-out action and works before (or without) hydration,
 * so it needs no client JavaScript of its own.
 */
export function SignOutButton() {
  return (
    <form action={signOutAction} className="inline-form">
      <button className="btn btn-secondary" type="submit">
        Sign out
      </button>
    </form>
  );
}
