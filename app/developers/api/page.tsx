import type { Metadata } from "next";
import type { oas31 } from "zod-openapi";
import { Brand } from "@/components/brand";
import { FieldTable, schemaAnchor } from "@/components/api-reference/field-table";
import { Operation, operationAnchor } from "@/components/api-reference/operation";
import { InlineText, RichText } from "@/components/api-reference/rich-text";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { HTTP_METHODS, openApiDocument } from "@/lib/api/openapi/document";
import { schemaFields } from "@/lib/api/openapi/schema-fields";
import { PROBLEMS, problemTypeUrl, type ProblemCode } from "@/lib/api/problem";
import { DataTable } from "@/components/api-reference/data-table";

export const metadata: Metadata = { title: "API reference" };

const OPENAPI_JSON = "/api/v1/openapi.json";

type Entry = { path: string; method: string; operation: oas31.OperationObject };

/** The operations of each tag, in the document's order (tags, then paths, then methods). */
function byTag(document: oas31.OpenAPIObject): Array<{ tag: oas31.TagObject; entries: Entry[] }> {
  const entries = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
  const tags = [...(document.tags ?? [])];
  for (const entry of entries) for (const name of entry.operation.tags ?? []) if (!tags.some((t) => t.name === name)) tags.push({ name });
  return tags.map((tag) => ({ tag, entries: entries.filter((e) => e.operation.tags?.includes(tag.name)) })).filter((group) => group.entries.length > 0);
}

const tagAnchor = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/**
 * The flow API's reference, rendered from the same OpenAPI document /api/v1/openapi.json serves, so
 * the page and the document never disagree. Public, like the document; no script, fonts or styles
 * from anywhere else.
 */
export default async function ApiReferencePage() {
  const document = openApiDocument();
  const groups = byTag(document);
  const schemas = Object.entries(document.components?.schemas ?? {});
  const codes = Object.keys(PROBLEMS) as ProblemCode[];
  const server = document.servers?.[0]?.url ?? `${config().appUrl}/api/v1`;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Brand branding={await currentBranding()} href="/" />
        <nav className="site-nav" aria-label="Developers">
          <a href="/developers/api" aria-current="page">
            API reference
          </a>
          <a href={OPENAPI_JSON}>openapi.json</a>
        </nav>
      </header>
      <div className="reference">
        <nav className="reference-nav" aria-label="API reference contents">
          <ul>
            <li>
              <a href="#overview">Overview</a>
            </li>
            {groups.map(({ tag, entries }) => (
              <li key={tag.name}>
                <a href={`#${tagAnchor(tag.name)}`}>{tag.name}</a>
                <ul>
                  {entries.map(({ path, method, operation }) => (
                    <li key={`${method} ${path}`}>
                      <a href={`#${operationAnchor(method, path, operation)}`}>{operation.summary ?? `${method.toUpperCase()} ${path}`}</a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#schemas">Schemas</a>
            </li>
            <li>
              <a href="#problem-codes">Problem codes</a>
            </li>
          </ul>
        </nav>

        <main id="main" className="reference-main" tabIndex={-1}>
          <section id="overview" aria-labelledby="overview-title">
            <h1 id="overview-title">{document.info.title}</h1>
            <p className="muted">Version {document.info.version}</p>
            <RichText text={document.info.description} />
            <dl className="facts">
              <dt>Base URL</dt>
              <dd>
                <code>{server}</code>
              </dd>
              <dt>OpenAPI document</dt>
              <dd>
                <a href={OPENAPI_JSON}>
                  <code>{OPENAPI_JSON}</code>
                </a>{" "}
                (OpenAPI {document.openapi}, for code generators and API tools)
              </dd>
            </dl>
          </section>

          {groups.map(({ tag, entries }) => (
            <section key={tag.name} id={tagAnchor(tag.name)} aria-labelledby={`${tagAnchor(tag.name)}-title`}>
              <h2 id={`${tagAnchor(tag.name)}-title`}>{tag.name}</h2>
              <RichText text={tag.description} />
              {entries.map(({ path, method, operation }) => (
                <Operation key={`${method} ${path}`} document={document} method={method} path={path} operation={operation} />
              ))}
            </section>
          ))}

          <section id="schemas" aria-labelledby="schemas-title">
            <h2 id="schemas-title">Schemas</h2>
            <p>The representations and documents the operations answer with.</p>
            {schemas.map(([name, schema]) => (
              <section key={name} className="card" id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-title`}>
                <h3 id={`${schemaAnchor(name)}-title`}>{name}</h3>
                <RichText text={"description" in schema ? schema.description : undefined} />
                <FieldTable rows={schemaFields(document, schema)} caption={`Fields of ${name}`} />
              </section>
            ))}
          </section>

          <section id="problem-codes" aria-labelledby="problem-codes-title">
            <h2 id="problem-codes-title">Problem codes</h2>
            <p>
              The <code>code</code> of a problem document, for programs to switch on. A code is never renamed or reused; a new situation gets a new one.
            </p>
            <DataTable caption="Problem codes" label="Table of problem codes" columns={["Code", "Status", "Title", "Description"]}>
              {codes.map((code) => (
                <tr key={code}>
                  <th scope="row">
                    <a href={problemTypeUrl(code)}>
                      <code>{code}</code>
                    </a>
                  </th>
                  <td>{PROBLEMS[code].status}</td>
                  <td>{PROBLEMS[code].title}</td>
                  <td>
                    <InlineText text={PROBLEMS[code].description} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </section>
        </main>
      </div>
    </>
  );
}
