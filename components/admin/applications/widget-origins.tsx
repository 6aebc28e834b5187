"use client";

import { useEffect, useRef, useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { addWidgetOriginAction, removeWidgetOriginAction, type ApplicationsResult } from "@/app/admin/applications/actions";
import { ResultNotice } from "@/components/admin/applications/result-notice";

/**
 * The origins allowed to embed the widget: the list, Remove (confirmed in the page first) and Add.
 * One notice answers both, above the list, and takes the focus.
 */
export function WidgetOrigins({ origins, appOrigin }: { origins: string[]; appOrigin: string }) {
  const add = useKeptFormAction(addWidgetOriginAction);
  const remove = useKeptFormAction(removeWidgetOriginAction);
  const [last, setLast] = useState<"add" | "remove" | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);

  const answer = (last === "add" ? add.state : last === "remove" ? remove.state : { status: "idle" }) as ApplicationsResult;
  function cancel(origin: string) {
    setConfirming(null);
    requestAnimationFrame(() => document.getElementById(removeButtonId(origin))?.focus());
  }
  const addErrors = last === "add" ? (add.state.fieldErrors ?? {}) : {};
  return (
    <div className="stack">
      <ResultNotice result={answer} />
      {origins.length === 0 ? (
        <p className="muted">No other site may embed the widget: only this portal ({appOrigin}) itself.</p>
      ) : (
        <ul className="origin-list" aria-label="Allowed origins">
          {origins.map((origin) => (
            <li key={origin}>
              <div className="spread">
                <code>{origin}</code>
                {confirming !== origin && (
                  <button id={removeButtonId(origin)} type="button" className="btn btn-secondary btn-small" onClick={() => setConfirming(origin)}>
                    Remove<span className="visually-hidden"> {origin}</span>
                  </button>
                )}
              </div>
              {confirming === origin && (
                <div ref={confirmBox} tabIndex={-1} className="focus-target stack origin-confirm" role="group" aria-label={`Remove ${origin}`}>
                  <p>
                    <strong>Remove {origin}?</strong> Pages there can no longer show the widget: from their next page load, browsers refuse to
                    frame it and it sends them no results.
                  </p>
                  <form
                    method="post"
                    className="row"
                    onSubmit={(event) => {
                      remove.onSubmit(event);
                      setLast("remove");
                      setConfirming(null);
                    }}
                  >
                    <input type="hidden" name="origin" value={origin} />
                    <button className="btn btn-danger btn-small" type="submit" disabled={remove.pending}>
                      Remove the origin
                    </button>
                    <button className="btn btn-secondary btn-small" type="button" onClick={() => cancel(origin)}>
                      Cancel
                    </button>
                  </form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ClientForm
        onSubmit={(event) => {
          add.onSubmit(event);
          setLast("add");
        }}
        className="stack"
        aria-label="Add an origin"
        key={last === "add" && add.state.status === "success" ? add.state.message : "add"}
      >
        <Field
          label="Origin"
          name="origin"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://shop.example.com"
          hint="The site's scheme, host and port, without a path: https, or http only for localhost and 127.0.0.1."
          errors={addErrors.origin}
        />
        <div>
          <button className="btn" type="submit" disabled={add.pending}>
            {add.pending ? "Adding…" : "Add origin"}
          </button>
        </div>
      </ClientForm>
    </div>
  );
}

const removeButtonId = (origin: string) => `remove-${origin.replace(/[^a-z0-9]+/gi, "-")}`;
