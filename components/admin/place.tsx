import { Fragment, type ReactNode } from "react";

/**
 * A message with elements inside it (a link, a <strong>, a <code>), its words kept whole so each
 * language orders them its own way: the message names each element as an argument ("{link}, then
 * try again."), `slots` fills those with markers, and `place` puts the elements where the markers are.
 *
 *   place(t("confirmThenRetry", slots("link")), { link: <a href={path}>{t("confirmLink")}</a> })
 */
const MARK = "\u0000";

export function slots<K extends string>(...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])) as Record<K, string>;
}

export function place(message: string, elements: Record<string, ReactNode>): ReactNode {
  const parts = message.split(MARK);
  // Odd indexes are the names between two markers.
  return parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{elements[part] ?? null}</Fragment> : part));
}
