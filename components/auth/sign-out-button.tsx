"use client";

import { useTranslations } from "use-intl";
import { signOutAction } from "@/app/(auth)/actions";

/** The form posts to the sign-out action, so it works before (or without) hydration. */
export function SignOutButton() {
  const t = useTranslations("portal");
  return (
    <form action={signOutAction} className="inline-form">
      <button className="btn btn-secondary" type="submit">
        {t("signOut")}
      </button>
    </form>
  );
}
