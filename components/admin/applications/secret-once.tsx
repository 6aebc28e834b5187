"use client";

import { useTranslations } from "use-intl";
import { useEffect, useRef, useState } from "react";
import { placed } from "@/components/i18n/placed";

/**
 * An application's key, the one time it exists outside its owner's hands: the database keeps only
 * its hash. Takes the focus when it appears, so the person (and a screen reader) lands on it.
 */
export function SecretOnce({ secret, onDone }: { secret: { name: string; clientId: string; value: string }; onDone: () => void }) {
  const t = useTranslations("admin.applications.secret");
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    box.current?.focus();
  }, [secret.value]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for the person to copy.
      input.current?.select();
      setCopied("failed");
    }
  }

  const id = `secret-${secret.clientId}`;
  return (
    <div ref={box} tabIndex={-1} className="focus-target secret-once" role="region" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("heading", { name: secret.name })}</h3>
      <p className="notice notice-warning">{t("warning")}</p>
      <div className="field">
        <label htmlFor={id}>{t("label")}</label>
        <div className="secret-copy">
          <input id={id} ref={input} readOnly value={secret.value} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-secondary" onClick={copy}>
            {t("copy")}
          </button>
        </div>
        <div className="muted small" aria-live="polite">
          {copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
        </div>
      </div>
      <p className="muted small">
        {placed((v) => t("usage", v), { clientId: <code>{secret.clientId}</code>, header: <code>Authorization: Bearer &lt;secret&gt;</code> })}
      </p>
      <button type="button" className="btn" onClick={onDone}>
        {t("done")}
      </button>
    </div>
  );
}
