import { ChartFigure } from "./chart-figure";

const WIDTH = 600;
const ROW = 30;
const LABEL = 150;
const VALUE = 50;

/** Counts by category as horizontal bars, largest first, each named and numbered on its row. */
export function HorizontalBarChart({
  id,
  title,
  unit,
  data,
}: {
  id: string;
  title: string;
  unit: string;
  data: { label: string; value: number }[];
}) {
  const total = data.reduce((sum, d) => sum + d.value, 0);
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = Math.max(1, data.length) * ROW;
  const summary =
    total === 0 ? `No ${unit} yet.` : `${total} ${unit}: ${data.map((d) => `${d.label} ${d.value}`).join(", ")}.`;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      picture={
        data.length === 0 ? (
          <text className="chart-label" x={0} y={ROW / 2 + 4}>
            No {unit} yet
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
      table={{ caption: title, columns: ["Type", `Active ${unit}`], rows: data.map((d) => [d.label, d.value]) }}
    />
  );
}
