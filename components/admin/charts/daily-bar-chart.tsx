import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { ChartFigure } from "./chart-figure";

const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 10;

/** The overview's daily charts, each with its title, summary and column in the catalogue (admin.charts). */
export type DailyChart = "signIns" | "failedSecondFactors" | "lockouts";

/** A count per day as vertical bars, oldest day on the left, with the scale's top and the first and last days named. */
export function DailyBarChart({
  locale,
  id,
  chart,
  tone = "brand",
  data,
}: {
  locale: Locale;
  id: string;
  chart: DailyChart;
  tone?: "brand" | "danger" | "warning";
  data: { day: string; value: number }[];
}) {
  const t = translatorFor(locale, "admin");
  const dayLabel = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const busiest = data.reduce((best, d) => (d.value > best.value ? d : best), data[0] ?? { day: "", value: 0 });
  const max = Math.max(1, busiest.value);
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, data.length);
  const title = t(`charts.${chart}.title`);
  const summary = t(`charts.${chart}.summary`, { total, days: data.length, day: busiest.day ? label(busiest.day) : "", most: busiest.value });
  return (
    <ChartFigure
      locale={locale}
      id={id}
      title={title}
      summary={summary}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      picture={
        <>
          <line className="chart-axis" x1={LEFT} y1={TOP + plotHeight} x2={WIDTH} y2={TOP + plotHeight} />
          <line className="chart-grid" x1={LEFT} y1={TOP} x2={WIDTH} y2={TOP} />
          <text className="chart-label" x={LEFT - 6} y={TOP + 4} textAnchor="end">
            {max}
          </text>
          <text className="chart-label" x={LEFT - 6} y={TOP + plotHeight} textAnchor="end">
            0
          </text>
          {data.map((d, i) => {
            const height = (d.value / max) * plotHeight;
            return (
              <rect
                key={d.day}
                className={`chart-bar chart-${tone}`}
                x={LEFT + i * slot + slot * 0.15}
                y={TOP + plotHeight - height}
                width={slot * 0.7}
                height={height}
              />
            );
          })}
          {data.length > 0 && (
            <>
              <text className="chart-label" x={LEFT} y={HEIGHT - 4}>
                {label(data[0]!.day)}
              </text>
              <text className="chart-label" x={WIDTH} y={HEIGHT - 4} textAnchor="end">
                {label(data[data.length - 1]!.day)}
              </text>
            </>
          )}
        </>
      }
      table={{ caption: title, columns: [t("charts.day"), t(`charts.${chart}.column`)], rows: data.map((d) => [label(d.day), d.value]) }}
    />
  );
}
