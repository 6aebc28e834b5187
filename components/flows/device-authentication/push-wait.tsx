"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { useFlowEvent, useFlowPoll } from "@/components/flows/flow-door";
import { useFlowLive } from "@/components/flows/use-flow-live";
import { placed } from "@/components/i18n/placed";
import { OtherChoices } from "@/components/flows/device-authentication/other-choices";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";

function secondsUntil(when: number) {
  return Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

/**
 * Mobile push flow: the number to choose on the phone, and a wait that ends by itself. The live
 * channel brings the phone's answer (from whichever instance took it); at the expiry a read of the
 * view brings the timed-out section, since nothing else would change the flow then.
 */
export function PushWaitSection({
  flowId,
  device,
  number,
  expiresAt,
  decided,
  actions,
}: {
  flowId: string;
  device: DeviceChoice;
  number: number;
  expiresAt: string;
  /** The phone has answered but the flow has not heard it: POLL settles it. */
  decided: boolean;
  actions: string[];
}) {
  useFlowLive(flowId);
  const t = useTranslations("authentication.push");
  const poll = useFlowPoll();
  const { send } = useFlowEvent(flowId);
  useEffect(() => {
    if (decided) void send({ type: "POLL" });
  }, [decided, send]);
  const deadline = new Date(expiresAt).getTime();
  const [left, setLeft] = useState(() => secondsUntil(deadline));

  useEffect(() => {
    setLeft(secondsUntil(deadline));
    const tick = window.setInterval(() => setLeft(secondsUntil(deadline)), 1000);
    // A little after the expiry, so the server's clock has passed it too.
    const expiry = window.setTimeout(() => void poll(), Math.max(0, deadline - Date.now()) + 750);
    return () => {
      window.clearInterval(tick);
      window.clearTimeout(expiry);
    };
  }, [deadline, poll]);

  return (
    <section className="card stack" aria-labelledby="push-heading" aria-busy="true">
      <h1 id="push-heading">{t("heading")}</h1>
      <p role="status">{placed((v) => t("instruction", { nickname: device.nickname, ...v }), { number: <strong>{number}</strong> })}</p>
      <p className="push-number" aria-hidden="true">
        {number}
      </p>
      <p className="small muted">
        {/* role="timer" is not announced each second; the status line above is what a screen reader hears. */}
        <span role="timer" aria-label={t("timeLeftLabel")}>
          {left > 0 ? t("timeLeft", { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` }) : t("checking")}
        </span>{" "}
        {t("continues")}
      </p>
      <OtherChoices flowId={flowId} actions={actions} />
    </section>
  );
}
