"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { PendingRequest } from "@/lib/authenticator-protocol/client";

/**
 * One pending sign-in request: what is asking, and the three numbers. The person picks the number the
 * sign-in screen shows (number matching, security.md item 18); the buttons are named by the number
 * alone, inside a group named by the question, so a screen reader reads "Which number do you see on
 * the sign-in screen?, 42, button".
 */
export function SignInRequest(props: {
  request: PendingRequest;
  account: string;
  busy: boolean;
  onChoose: (number: number) => void;
  onDeny: () => void;
}) {
  const { request } = props;
  const t = useTranslations("authenticator.request");
  const locale = useLocale();
  const headingId = useId();
  const questionId = useId();
  const info = request.requestInfo;
  const asked = new Date(request.createdAt);
  return (
    <article className="card phone-request" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t("heading", { company: info.company })}
      </h3>
      <dl className="facts">
        <dt>{t("account")}</dt>
        <dd>{props.account}</dd>
        <dt>{t("browser")}</dt>
        <dd>{info.browser ?? t("unknownBrowser")}</dd>
        <dt>{t("place")}</dt>
        <dd>{info.place ?? (info.ip ? t("unknownPlaceAt", { ip: info.ip }) : t("unknownPlace"))}</dd>
        <dt>{t("time")}</dt>
        <dd>
          <time dateTime={request.createdAt}>{asked.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" })}</time>
        </dd>
      </dl>
      <div role="group" aria-labelledby={questionId} className="phone-choices-group">
        <p id={questionId} className="phone-question">
          {t("question")}
        </p>
        <div className="phone-choices">
          {request.choices.map((choice) => (
            <button key={choice} type="button" className="btn btn-secondary phone-choice" disabled={props.busy} onClick={() => props.onChoose(choice)}>
              {choice}
            </button>
          ))}
        </div>
      </div>
      <p className="small muted">{t("denyHint")}</p>
      <button type="button" className="btn btn-danger btn-block" disabled={props.busy} onClick={props.onDeny}>
        {t("deny")}
      </button>
    </article>
  );
}
