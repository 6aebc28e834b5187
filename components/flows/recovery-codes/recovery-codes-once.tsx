"use client";

import { useState } from "react";
import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import { useTranslations } from "use-intl";
import "./recovery-codes.css";

/**
 * A new set of recovery codes, shown this once (issue 14): after the first device is added, and when
 * new codes are made on the device list. Copy, download as text and print, then go on; the codes are
 * never shown again (the server keeps only their hashes).
 */
export function RecoveryCodesOnce({ flowId, codes, companyName, intro }: { flowId: string; codes: string[]; companyName: string; intro: string }) {
  const t = useTranslations("recoveryCodes.once");
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const text = [t("fileTitle", { company: companyName }), t("fileMade", { date: new Date().toISOString().slice(0, 10) }), "", ...codes, ""].join("\n");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${companyName.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "account"}-recovery-codes.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  return (
    <section className="card stack recovery-codes-printable" aria-labelledby="recovery-codes-heading">
      <div>
        <h1 id="recovery-codes-heading">{t("heading")}</h1>
        <p className="muted">{intro}</p>
      </div>
      {codes.length === 0 ? (
        <Notice tone="error">{t("gone")}</Notice>
      ) : (
        <ol className="recovery-code-list" aria-label={t("listLabel")}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      )}
      <p className="small">{t("keep")}</p>
      <div className="row no-print">
        <button className="btn btn-secondary" type="button" onClick={copy} disabled={codes.length === 0}>
          {t("copy")}
        </button>
        <button className="btn btn-secondary" type="button" onClick={download} disabled={codes.length === 0}>
          {t("download")}
        </button>
        <button className="btn btn-secondary" type="button" onClick={() => window.print()} disabled={codes.length === 0}>
          {t("print")}
        </button>
        <span role="status" className="small muted">
          {copied === "copied" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
        </span>
      </div>
      <FlowForm flowId={flowId} label={t("formLabel")} className="no-print">
        {(_state, pending) => (
          <button className="btn" type="submit" name="type" value="CONTINUE" disabled={pending}>
            {t("saved")}
          </button>
        )}
      </FlowForm>
    </section>
  );
}
