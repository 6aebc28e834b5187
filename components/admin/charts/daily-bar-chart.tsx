import { ChartFigure } from "./chart-figure";

const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 10;

const dayLabel = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
const label = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));

/** A count per day as vertical bars, oldest day on the left, with the scale's top and the first and last days named. */
export function DailyBarChart({
  id,
  title,
  unit,
  tone = "brand",
  data,
}: {
  id: string;
  title: string;
  /** What is counted, plural, for the summary and the table: "sign-ins". */
  unit: string;
  tone?: "brand" | "danger" | "warning";
  data: { day: string; value: number }[];
}) {
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const busiest = data.reduce((best, d) => (d.value > best.value ? d : best), data[0] ?? { day: "", value: 0 });
  const max = Math.max(1, busiest.value);
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, data.length);
  const summary =
    total === 0
      ? `No ${unit} in the last ${data.length} days.`
      : `${total} ${unit} in the last ${data.length} days; most on ${label(busiest.day)} (${busiest.value}).`;
  return (
    <ChartFigure
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
      table={{ caption: title, columns: ["Day (UTC)", capitalize(unit)], rows: data.map((d) => [label(d.day), d.value]) }}
    />
  );
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
