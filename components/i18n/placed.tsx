import { Fragment, type ReactNode } from "react";

/**
 * A translated sentence with elements in it ("for <strong>{email}</strong>"), kept one message so
 * each language orders its own words: the message is formatted with a marker for each element's
 * value, then the markers are replaced by the elements. The catalogue's messages stay plain ICU
 * arguments (no rich-text tags), and this works in server and client components alike.
 *
 *   placed((v) => t("forEmail", v), { email: <strong>{email}</strong> })
 */
export function placed<K extends string>(format: (values: Record<K, string>) => string, elements: Record<K, ReactNode>): ReactNode {
  const names = Object.keys(elements) as K[];
  const marks = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`])) as Record<K, string>;
  const parts = format(marks).split(/\uE000(\d+)\uE001/);
  // split with a capture group: text, index, text, index, ..., text
  return parts.map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{elements[names[Number(part)]!]}</Fragment>));
}
