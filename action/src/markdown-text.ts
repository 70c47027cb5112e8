/** Backslash-escapes the characters that would turn text into Markdown or HTML markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

/**
 * Text shown as code; falls back to escaped text when it holds a backtick. Pipes stay escaped:
 * a table splits its cells before it reads code spans.
 */
export function codeSpan(text: string): string {
  if (text.includes('`')) return escapeMarkdown(text);
  return `\`${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}\``;
}

/** A GitHub-flavoured Markdown table; cells must already be escaped. */
export function markdownTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
