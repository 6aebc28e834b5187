import { ChartFigure } from "./chart-figure";

const SIZE = 160;
const RADIUS = 62;
const STROKE = 20;

/** A part of a whole (users with MFA on among all users) as a ring, the share written in its middle. */
export function ShareRing({
  id,
  title,
  part,
  whole,
  partLabel,
  restLabel,
}: {
  id: string;
  title: string;
  part: number;
  whole: number;
  partLabel: string;
  restLabel: string;
}) {
  const share = whole === 0 ? 0 : part / whole;
  const percent = Math.round(share * 100);
  const circumference = 2 * Math.PI * RADIUS;
  const summary = whole === 0 ? "No users yet." : `${percent}%: ${part} of ${whole} ${partLabel}.`;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      picture={
        <g transform={`rotate(-90 ${SIZE / 2} ${SIZE / 2})`}>
          <circle className="chart-track" cx={SIZE / 2} cy={SIZE / 2} r={RADIUS} strokeWidth={STROKE} fill="none" />
          <circle
            className="chart-share"
            cx={SIZE / 2}
            cy={SIZE / 2}
            r={RADIUS}
            strokeWidth={STROKE}
            fill="none"
            strokeDasharray={`${share * circumference} ${circumference}`}
          />
          <text className="chart-percent" x={SIZE / 2} y={SIZE / 2 + 9} textAnchor="middle" transform={`rotate(90 ${SIZE / 2} ${SIZE / 2})`}>
            {percent}%
          </text>
        </g>
      }
      table={{
        caption: title,
        columns: ["Users", "Count"],
        rows: [
          [partLabel, part],
          [restLabel, whole - part],
          ["All users", whole],
        ],
      }}
    />
  );
}
