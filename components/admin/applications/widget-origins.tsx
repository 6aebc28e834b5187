"use client";

import { useTranslations } from "use-intl";
import { useEffect, useRef, useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { Field } from "@/components/ui/field";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { addWidgetOriginAction, removeWidgetOriginAction, type ApplicationsResult } from "@/app/admin/applications/actions";
import { ResultNotice } from "@/components/admin/applications/result-notice";
import { placed } from "@/components/i18n/placed";

/**
 * The origins allowed to embed the widget: the list, Remove (confirmed in the page first) and Add.
 * One notice answers both, above the list, and takes the focus.
 */
export function WidgetOrigins({ origins, appOrigin }: { origins: string[]; appOrigin: string }) {
  const t = useTranslations("admin.applications.origins");
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
        <p className="muted">{t("none", { appOrigin })}</p>
      ) : (
        <ul className="origin-list" aria-label={t("list")}>
          {origins.map((origin) => (
            <li key={origin}>
              <div className="spread">
                <code>{origin}</code>
                {confirming !== origin && (
                  <button id={removeButtonId(origin)} type="button" className="btn btn-secondary btn-small" onClick={() => setConfirming(origin)}>
                    {placed((v) => t("remove", v), { hidden: <span className="visually-hidden">{t("removeHidden", { origin })}</span> })}
                  </button>
                )}
              </div>
              {confirming === origin && (
                <div ref={confirmBox} tabIndex={-1} className="focus-target stack origin-confirm" role="group" aria-label={t("removeLabel", { origin })}>
                  <p>{placed((v) => t("askRemove", v), { question: <strong>{t("askRemoveQuestion", { origin })}</strong> })}</p>
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
                      {t("removeConfirm")}
                    </button>
                    <button className="btn btn-secondary btn-small" type="button" onClick={() => cancel(origin)}>
                      {t("cancel")}
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
        aria-label={t("addLabel")}
        key={last === "add" && add.state.status === "success" ? add.state.message : "add"}
      >
        <Field
          label={t("origin")}
          name="origin"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://shop.example.com"
          hint={t("originHint")}
          errors={addErrors.origin}
        />
        <div>
          <button className="btn" type="submit" disabled={add.pending}>
            {add.pending ? t("adding") : t("add")}
          </button>
        </div>
      </ClientForm>
    </div>
  );
}

const removeButtonId = (origin: string) => `remove-${origin.replace(/[^a-z0-9]+/gi, "-")}`;
