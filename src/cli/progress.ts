// Progress bars for long CLI work (rows/s and ETA), quiet when stdout is not a terminal.
import cliProgress from 'cli-progress';

export function progressBar(label: string, unit = 'items') {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  return {
    start(total: number) {
      bar.start(total, 0, { rate: 0 });
    },
    update(value: number, total?: number) {
      if (total !== undefined) bar.setTotal(total);
      const seconds = (Date.now() - started) / 1000;
      bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
