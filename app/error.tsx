"use client";

import { ErrorPage } from "@/components/error-page";
import { useBranding } from "@/components/branding-context";

/**
 * Any failure while rendering a page. The error itself was logged on the server; in production the
 * browser gets only an opaque digest, and this page shows neither.
 */
export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorPage branding={useBranding()} title="Something went wrong">
      <p>We could not show this page. Nothing was changed. Please try again in a moment.</p>
      <div className="row">
        <button className="btn" type="button" onClick={reset}>
          Try again
        </button>
        <a className="btn btn-secondary" href="/">
          Go to your account
        </a>
      </div>
    </ErrorPage>
  );
}
