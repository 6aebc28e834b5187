import type { oas31 } from "zod-openapi";
import { constraintsOf, resolveRef, schemaFields, typeLabel, componentName } from "@/lib/api/openapi/schema-fields";
import { FieldTable, TypeName } from "@/components/api-reference/field-table";
import { InlineText, RichText } from "@/components/api-reference/rich-text";
import { DataTable } from "@/components/api-reference/data-table";

type Ref = oas31.ReferenceObject;
const isRef = (value: object): value is Ref => "$ref" in value && typeof value.$ref === "string";
const resolve = <T extends object>(document: oas31.OpenAPIObject, value: T | Ref): T => (isRef(value) ? resolveRef<T>(document, value.$ref) : value);

export const operationAnchor = (method: string, path: string, operation: oas31.OperationObject) =>
  `op-${operation.operationId ?? `${method}-${path.replace(/[^A-Za-z0-9]+/g, "-")}`}`;

/** One operation: what it does, who may call it, what it takes and what it answers. */
export function Operation({ document, method, path, operation }: { document: oas31.OpenAPIObject; method: string; path: string; operation: oas31.OperationObject }) {
  const id = operationAnchor(method, path, operation);
  const title = operation.summary ?? `${method.toUpperCase()} ${path}`;
  const parameters = (operation.parameters ?? []).map((p) => resolve<oas31.ParameterObject>(document, p));
  const body = operation.requestBody && resolve<oas31.RequestBodyObject>(document, operation.requestBody);
  const security = operation.security ?? document.security ?? [];
  const schemes = document.components?.securitySchemes ?? {};
  const responses = Object.entries(operation.responses ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section className="card" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="endpoint">
        <span className={`method method-${method}`}>{method.toUpperCase()}</span>
        <code>{path}</code>
      </p>
      <RichText text={operation.description} />

      <dl className="facts small">
        <dt>Authentication</dt>
        <dd>
          {security.length === 0
            ? "None: anyone may call this."
            : security
                .flatMap((requirement) => Object.keys(requirement))
                .map((name) => {
                  const scheme = schemes[name];
                  const resolved = scheme && resolve<oas31.SecuritySchemeObject>(document, scheme);
                  return resolved?.type === "http" && resolved.scheme === "bearer" ? (
                    <span key={name}>
                      API key, as <code>Authorization: Bearer {resolved.bearerFormat ?? "<key>"}</code>
                    </span>
                  ) : (
                    <span key={name}>{name}</span>
                  );
                })}
        </dd>
        {operation.operationId && (
          <>
            <dt>Operation id</dt>
            <dd>
              <code>{operation.operationId}</code>
            </dd>
          </>
        )}
      </dl>

      {parameters.length > 0 && (
        <>
          <h4>Parameters</h4>
          <DataTable caption={`Parameters of ${title}`} columns={["Name", "In", "Type", "Required", "Description"]}>
            {parameters.map((parameter) => {
              const constraints = parameter.schema ? constraintsOf(document, parameter.schema) : [];
              return (
                <tr key={`${parameter.in}:${parameter.name}`}>
                  <th scope="row">
                    <code>{parameter.name}</code>
                  </th>
                  <td>{parameter.in}</td>
                  <td>{parameter.schema ? <TypeName type={typeLabel(document, parameter.schema)} /> : "—"}</td>
                  <td>{parameter.required ? "Yes" : "No"}</td>
                  <td>
                    {parameter.description && <InlineText text={parameter.description} />}
                    {constraints.length > 0 && <span className="constraints">{constraints.join("; ")}</span>}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}

      {body && (
        <>
          <h4>Request body</h4>
          {Object.entries(body.content).map(([mediaType, media]) => (
            <div key={mediaType}>
              <p className="small">
                <code>{mediaType}</code>
                {body.required ? ", required" : ", optional"}
                {media.schema && schemaNote(document, media.schema)}
              </p>
              <RichText text={body.description} className="small" />
              {media.schema && <FieldTable rows={schemaFields(document, media.schema)} caption={`Request body fields of ${title}`} />}
            </div>
          ))}
        </>
      )}

      <h4>Responses</h4>
      <DataTable caption={`Responses of ${title}`} columns={["Status", "Description", "Body"]}>
        {responses.map(([status, value]) => {
          const response = resolve<oas31.ResponseObject>(document, value as oas31.ResponseObject | Ref);
          const headers = Object.keys(response.headers ?? {});
          return (
            <tr key={status}>
              <th scope="row">{status}</th>
              <td>
                <InlineText text={response.description} />
                {headers.length > 0 && (
                  <span className="constraints">
                    Headers:{" "}
                    {headers.map((name, i) => (
                      <span key={name}>
                        {i > 0 && ", "}
                        <code>{name}</code>
                      </span>
                    ))}
                  </span>
                )}
              </td>
              <td>
                {Object.entries(response.content ?? {}).map(([mediaType, media]) => (
                  <span key={mediaType} className="small" style={{ display: "block" }}>
                    {media.schema && <TypeName type={typeLabel(document, media.schema)} component={media.schema && isRef(media.schema) ? componentName(media.schema.$ref) : undefined} />}{" "}
                    <span className="muted">as {mediaType}</span>
                  </span>
                ))}
                {!response.content && <span className="muted small">No body</span>}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

/** "Unknown fields are refused" is worth saying: it is the opposite of what many APIs do. */
function schemaNote(document: oas31.OpenAPIObject, schema: oas31.SchemaObject | Ref) {
  const resolved = resolve<oas31.SchemaObject>(document, schema);
  return resolved.additionalProperties === false ? "; fields not listed here are refused (400)" : null;
}
