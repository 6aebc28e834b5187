"use client";

import { useEffect, useRef, useState } from "react";

/**
 * An application's key, the one time it exists outside its owner's hands: the database keeps only
 * its hash. Takes the focus when it appears, so the person (and a screen reader) lands on it.
 */
export function SecretOnce({ secret, onDone }: { secret: { name: string; clientId: string; value: string }; onDone: () => void }) {
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
      <h3 id={`${id}-title`}>Secret for {secret.name}</h3>
      <p className="notice notice-warning">
        Copy it now and keep it in the application&apos;s secret store. It is shown only this once: it cannot be read back, only
        replaced by rotating it.
      </p>
      <div className="field">
        <label htmlFor={id}>Secret</label>
        <div className="secret-copy">
          <input id={id} ref={input} readOnly value={secret.value} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-secondary" onClick={copy}>
            Copy
          </button>
        </div>
        <div className="muted small" aria-live="polite">
          {copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "Copying is not available here: the secret is selected, copy it with your keyboard." : ""}
        </div>
      </div>
      <p className="muted small">
        Client id <code>{secret.clientId}</code>. Send the secret as <code>Authorization: Bearer &lt;secret&gt;</code>.
      </p>
      <button type="button" className="btn" onClick={onDone}>
        I have stored the secret
      </button>
    </div>
  );
}
