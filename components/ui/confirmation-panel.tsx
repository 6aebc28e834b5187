"use client";

import type { ReactNode, RefObject } from "react";
import { useTranslations } from "use-intl";

/**
 * The panel a list's action opens in the page to say what will happen before it happens (in place of
 * window.confirm): the parent moves focus into `box` when it opens and back to the trigger on Cancel.
 * For a confirm that submits a flow form, see ConfirmAction.
 */
export function ConfirmationPanel({
  box,
  pending,
  label,
  confirmLabel,
  progressLabel,
  danger = true,
  onConfirm,
  onCancel,
  children,
}: {
  box: RefObject<HTMLDivElement | null>;
  pending: boolean;
  label: string;
  confirmLabel: string;
  /** What the confirming button says while the change runs. */
  progressLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <div ref={box} tabIndex={-1} role="group" aria-label={label} className="browser-panel focus-panel stack">
      {/* Not a live region: the group takes the focus when it opens, so this is read then. */}
      <div className="notice notice-warning">{children}</div>
      <div className="row">
        <button className={`btn btn-small ${danger ? "btn-danger" : ""}`} type="button" disabled={pending} aria-busy={pending || undefined} onClick={onConfirm}>
          {pending ? progressLabel : confirmLabel}
        </button>
        <button className="btn btn-link" type="button" disabled={pending} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
