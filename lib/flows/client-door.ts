/**
 * What the browser holds of a running flow: the section to render and the events allowed now, as plain
 * JSON. The same shape comes from a page's first render and from every answer of the flow door
 * (app/api/flows/…), so a section component cannot tell them apart. No server imports: the client
 * components import these types. The machine's internal state never leaves the server.
 */
import type { FlowResult, SectionView } from "@/lib/flows/engine";
import type { ActionResult } from "@/lib/actions/action-result";

export type ClientFlow = {
  id: string;
  kind: string;
  door: "portal" | "widget" | "api";
  parentId: string | null;
  /** ISO 8601. */
  expiresAt: string;
  view: SectionView;
  result: FlowResult | null;
  expired: boolean;
};

/** A flow and, while it waits on a subflow, the subflow: what a door renders. */
export type ClientDoorView = { flow: ClientFlow; subflow: ClientFlow | null };

/**
 * The flow door's answer to an event or a poll. `widgetSession`: a widget session was replaced (a
 * step-up, security.md item 21); the iframe sends the new credential from now on, the old one is dead.
 */
export type FlowAnswer =
  | { status: "success"; view: ClientDoorView; widgetSession?: string }
  | { status: "success"; redirectTo: string }
  | { status: "error"; message: string; fieldErrors?: ActionResult["fieldErrors"] };
