/**
 * CSV as spreadsheets read it: every cell quoted, quotes doubled, lines ended with CRLF. A cell that
 * starts with a formula character (= + - @, tab, carriage return) gets a leading apostrophe, so a
 * spreadsheet shows it as text and never runs it (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One CSV line, with its CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
