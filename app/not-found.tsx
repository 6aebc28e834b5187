import type { Metadata } from "next";
import { ErrorPage } from "@/components/error-page";
import { currentBranding } from "@/lib/branding/current-branding";

export const metadata: Metadata = { title: "Not found" };

/** Unknown pages and every notFound(): an unknown id and another user's id look the same here. */
export default async function NotFound() {
  return (
    <ErrorPage branding={await currentBranding()} title="Page not found">
      <p>This page does not exist, or it is not yours to see. If you followed a link, it may have expired.</p>
      <a className="btn" href="/">
        Go to your account
      </a>
    </ErrorPage>
  );
}
