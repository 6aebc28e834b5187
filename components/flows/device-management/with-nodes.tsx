import { Fragment, type ReactNode } from "react";

/**
 * A catalogue message with React nodes in it (a time the browser writes, a bold address): `t` formats
 * it with a mark standing for each node's {placeholder}, and `withNodes` puts the nodes where the marks
 * are, so each language keeps its own word order. Plain placeholders rather than rich-text tags, so
 * the catalogue test can format every message with strings alone.
 *
 *   const nodes = { date: <LocalTime value={d} /> };
 *   withNodes(t("list.added", nodeMarks(nodes)), nodes)
 */
const MARK = "\u2063";

export function nodeMarks<K extends string>(nodes: Record<K, ReactNode>): Record<K, string> {
  return Object.fromEntries(Object.keys(nodes).map((name) => [name, `${MARK}${name}${MARK}`])) as Record<K, string>;
}

export function withNodes(message: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = message.split(new RegExp(`${MARK}(\\w+)${MARK}`));
  // split with a captured group alternates: text, name, text, name, ..., text.
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? nodes[part] : part}</Fragment>);
}
