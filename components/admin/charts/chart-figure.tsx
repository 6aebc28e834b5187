import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * A chart's frame: the picture (an SVG with role="img", named by its title and described by a one-line
 * summary, so a screen reader says what it shows) and the same numbers as a table for anyone who wants
 * them, sighted or not. Server-rendered, no script.
 */
export function ChartFigure({
  locale,
  id,
  title,
  summary,
  viewBox,
  picture,
  table,
}: {
  locale: Locale;
  id: string;
  title: string;
  /** One sentence with the figure's point, e.g. "412 sign-ins in 30 days, most on 3 Dec (40)". */
  summary: string;
  viewBox: string;
  picture: ReactNode;
  table: { caption: string; columns: string[]; rows: (string | number)[][] };
}) {
  const t = translatorFor(locale, "admin");
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <svg className="chart-svg" viewBox={viewBox} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {picture}
      </svg>
      <details className="chart-numbers">
        <summary>{t("charts.numbers")}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
