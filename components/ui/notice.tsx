import type { ReactNode } from "react";

export function Notice({ tone = "info", children }: { tone?: "info" | "success" | "error" | "warning"; children: ReactNode }) {
  // Live regions announce changes; a static explanatory box (info) is not one.
  const role = tone === "error" ? "alert" : tone === "info" ? undefined : "status";
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {children}
    </div>
  );
}
