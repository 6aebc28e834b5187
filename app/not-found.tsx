import type { Metadata } from "next";
import { ErrorPage } from "@/components/error-page";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Not found" };

/** Unknown pages and every notFound(): an unknown id and another user's id look the same here. */
export default function NotFound() {
  return (
    <ErrorPage branding={config().branding} title="Page not found">
      <p>This page does not exist, or it is not yours to see. If you followed a link, it may have expired.</p>
      <a className="btn" href="/">
        Go to your account
      </a>
    </ErrorPage>
  );
}
