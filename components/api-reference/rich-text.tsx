import { Fragment } from "react";

/** `code` spans in a description, as the OpenAPI document writes them (a small part of CommonMark). */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? <code key={i}>{part.slice(1, -1)}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}

/** A description: paragraphs separated by blank lines, with `code` spans. */
export function RichText({ text, className }: { text: string | undefined; className?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className={className}>
          <InlineText text={paragraph} />
        </p>
      ))}
    </>
  );
}
