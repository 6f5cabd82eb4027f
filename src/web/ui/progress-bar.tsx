// Long work shows how far it got. Leave `value` out while the total is unknown (indeterminate).

export interface ProgressBarProps {
  label: string;
  /** 0..max; undefined while the amount of work is not known yet. */
  value?: number;
  max?: number;
  /** Text next to the bar, e.g. "12,000 of 80,000 rows". Defaults to the percentage. */
  valueText?: string;
}

export function ProgressBar({ label, value, max = 100, valueText }: ProgressBarProps) {
  const known = typeof value === 'number' && Number.isFinite(value);
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0;
  const text = valueText ?? (known ? `${percent}%` : 'Working…');
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        <span className="progress-text">{text}</span>
      </div>
      <div
        className={known ? 'progress-track' : 'progress-track progress-indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={known ? clamped : undefined}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
