import { Fragment, type ReactNode } from "react";

/** Stands for the element in a worded message: a private-use character no catalogue or value contains. */
export const ELEMENT = "\uE000";

/**
 * A message with one element inside it (a time the browser writes, a country the browser names): the
 * message is worded with ELEMENT as that argument's value ("Remembered until {date}"), and the element
 * goes where ELEMENT landed, so each language puts it in its own place in the sentence. A plain
 * argument rather than a rich tag, so the catalogue test formats the message like any other.
 */
export function elementIn(worded: string, element: ReactNode): ReactNode {
  const parts = worded.split(ELEMENT);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && element}
      {part}
    </Fragment>
  ));
}
