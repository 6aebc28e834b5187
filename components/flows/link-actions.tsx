"use client";

/**
 * The quiet ways out of a flow section (Back, Cancel, Use another device…): link-styled submit
 * buttons whose value is the event. They skip field validation, since leaving needs no valid input.
 */
export function LinkActions({ pending, links }: { pending: boolean; links: { event: string; label: string; show?: boolean }[] }) {
  const shown = links.filter((l) => l.show !== false);
  if (shown.length === 0) return null;
  return (
    <div className="row">
      {shown.map((l) => (
        <button key={l.event} className="btn btn-link" type="submit" name="type" value={l.event} disabled={pending} formNoValidate>
          {l.label}
        </button>
      ))}
    </div>
  );
}
