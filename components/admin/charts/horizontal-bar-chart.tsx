import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ChartFigure } from "./chart-figure";

const WIDTH = 600;
const ROW = 30;
const LABEL = 150;
const VALUE = 50;

/** Active devices by type as horizontal bars, largest first, each named and numbered on its row. */
export function HorizontalBarChart({ locale, id, data }: { locale: Locale; id: string; data: { label: string; value: number }[] }) {
  const t = translatorFor(locale, "admin");
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = Math.max(1, data.length) * ROW;
  const title = t("charts.devicesByType.title");
  const summary = t("charts.devicesByType.summary", { total, list: data.map((d) => `${d.label} ${d.value}`).join(", ") });
  return (
    <ChartFigure
      locale={locale}
      id={id}
      title={title}
      summary={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      picture={
        data.length === 0 ? (
          <text className="chart-label" x={0} y={ROW / 2 + 4}>
            {t("charts.devicesByType.none")}
          </text>
        ) : (
          data.map((d, i) => {
            const y = i * ROW;
            const width = (d.value / max) * (WIDTH - LABEL - VALUE);
            return (
              <g key={d.label}>
                <text className="chart-label chart-category" x={LABEL - 8} y={y + ROW / 2 + 5} textAnchor="end">
                  {d.label}
                </text>
                <rect className="chart-bar chart-brand" x={LABEL} y={y + 5} width={Math.max(width, d.value > 0 ? 2 : 0)} height={ROW - 10} rx={3} />
                <text className="chart-label" x={LABEL + width + 6} y={y + ROW / 2 + 5}>
                  {d.value}
                </text>
              </g>
            );
          })
        )
      }
      table={{ caption: title, columns: [t("charts.devicesByType.type"), t("charts.devicesByType.column")], rows: data.map((d) => [d.label, d.value]) }}
    />
  );
}
