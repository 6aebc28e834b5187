import type { FieldRow } from "@/lib/api/openapi/schema-fields";
import { InlineText } from "@/components/api-reference/rich-text";
import { DataTable } from "@/components/api-reference/data-table";

/** Where a component's description is on the reference page. */
export const schemaAnchor = (component: string) => `schema-${component}`;

/** A type, linked to its component's description when it names one. */
export function TypeName({ type, component }: { type: string; component?: string | undefined }) {
  return component ? (
    <a href={`#${schemaAnchor(component)}`}>
      <code>{type}</code>
    </a>
  ) : (
    <code>{type}</code>
  );
}

/**
 * A schema's fields as a table: nested fields indented below their parent (and, for a screen reader,
 * named with their parent's path), with type, whether required, description and constraints.
 */
export function FieldTable({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <DataTable caption={caption} columns={["Field", "Type", "Required", "Description"]}>
      {rows.map((row) => {
        const parent = row.key.includes(".") ? row.key.slice(0, row.key.lastIndexOf(".")) : "";
        return (
          <tr key={row.key}>
            <th scope="row" style={{ paddingLeft: `${0.5 + row.depth * 1.25}rem` }}>
              {row.depth > 0 && (
                <span className="field-nest" aria-hidden="true">
                  ↳
                </span>
              )}
              <code>{row.name}</code>
              {parent && <span className="visually-hidden"> in {parent}</span>}
            </th>
            <td>
              <TypeName type={row.type} component={row.component} />
            </td>
            <td>{row.required ? "Yes" : "No"}</td>
            <td>
              {row.description && <InlineText text={row.description} />}
              {row.constraints.length > 0 && <span className="constraints">{row.constraints.join("; ")}</span>}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
