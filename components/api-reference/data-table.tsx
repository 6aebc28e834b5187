import type { ReactNode } from "react";

/**
 * A reference table: captioned for screen readers, its column headers scoped, and inside a region that
 * scrolls sideways on a narrow screen (focusable, so a keyboard can scroll it too). `label` names that
 * region when two regions would otherwise share the caption's name.
 */
export function DataTable({ caption, label, columns, children }: { caption: string; label?: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label ?? caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
