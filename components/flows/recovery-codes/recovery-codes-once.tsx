"use client";

import { useState } from "react";
import { FlowForm } from "@/components/flows/flow-form";
import { Notice } from "@/components/ui/notice";
import "./recovery-codes.css";

/**
 * A new set of recovery codes, shown this once (issue 14): after the first device is added, and when
 * new codes are made on the device list. Copy, download as text and print, then go on; the codes are
 * never shown again (the server keeps only their hashes).
 */
export function RecoveryCodesOnce({ flowId, codes, companyName, intro }: { flowId: string; codes: string[]; companyName: string; intro: string }) {
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const text = [`${companyName} recovery codes`, `Made ${new Date().toISOString().slice(0, 10)}. Each code works once.`, "", ...codes, ""].join("\n");

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
        <h1 id="recovery-codes-heading">Save your recovery codes</h1>
        <p className="muted">{intro}</p>
      </div>
      {codes.length === 0 ? (
        <Notice tone="error">These codes can no longer be shown. Make new ones from your device list.</Notice>
      ) : (
        <ol className="recovery-code-list" aria-label="Your recovery codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
      )}
      <p className="small">
        Keep them somewhere safe, apart from your devices: a password manager, or printed and put away. Each code works once, and this is
        the only time we show them.
      </p>
      <div className="row no-print">
        <button className="btn btn-secondary" type="button" onClick={copy} disabled={codes.length === 0}>
          Copy
        </button>
        <button className="btn btn-secondary" type="button" onClick={download} disabled={codes.length === 0}>
          Download (.txt)
        </button>
        <button className="btn btn-secondary" type="button" onClick={() => window.print()} disabled={codes.length === 0}>
          Print
        </button>
        <span role="status" className="small muted">
          {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Copying is not allowed here: select the codes and copy them." : ""}
        </span>
      </div>
      <FlowForm flowId={flowId} label="Recovery codes saved" className="no-print">
        {(_state, pending) => (
          <button className="btn" type="submit" name="type" value="CONTINUE" disabled={pending}>
            I have saved my codes
          </button>
        )}
      </FlowForm>
    </section>
  );
}
