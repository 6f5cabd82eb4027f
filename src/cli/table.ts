// Plain-text tables for CLI listings: left-aligned columns, a header and a rule.

export function formatTable(headers: string[], body: (string | number | null | undefined)[][]): string {
  const cells = body.map((row) => row.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
