// A plain SVG horizontal bar chart with a table-like text alternative (each bar is labelled with its value).

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, unit = '' }: { title: string; bars: Bar[]; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  const labelWidth = 190;
  const width = 560;
  const height = Math.max(row, bars.length * row);
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p>No data.</p>
      ) : (
        <svg
          role="img"
          aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}${unit}`).join(', ')}`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
        >
          {bars.map((b, i) => {
            const w = Math.round(((width - labelWidth - 70) * b.value) / max);
            return (
              <g key={b.label} transform={`translate(0, ${i * row})`}>
                <text x={labelWidth - 8} y={row / 2 + 5} textAnchor="end" fontSize="13">
                  {b.label}
                </text>
                <rect x={labelWidth} y={4} width={Math.max(w, 1)} height={row - 8} className="bar" />
                <text x={labelWidth + w + 6} y={row / 2 + 5} fontSize="13">
                  {b.value.toLocaleString()}
                  {unit}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
