"use client";

import { ErrorPage } from "@/components/error-page";
import "./globals.css";

/** When the root layout itself fails: it replaces the whole document, so it brings its own html and styles. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong</title>
      </head>
      <body>
        <ErrorPage branding={null} title="Something went wrong">
          <p>We could not show this page. Nothing was changed. Please try again in a moment.</p>
          <button className="btn" type="button" onClick={reset}>
            Try again
          </button>
        </ErrorPage>
      </body>
    </html>
  );
}
