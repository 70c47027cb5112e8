import type { EntityManager } from '@mikro-orm/postgresql';

const cut = (text: unknown, width: number) => {
  const value = text === null || text === undefined ? '-' : String(text).replace(/\s+/g, ' ');
  return value.length > width ? `${value.slice(0, width - 1)}…` : value;
};

/** Prints a table of `slugs` with their pull and clean outcomes. */
export async function printOutcomes(
  em: EntityManager,
  slugs: string[],
  write: (line: string) => void,
): Promise<void> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select slug, asset_type, sync_status, status_text, cleaning_status, cleaning_status_details,
       length(readme) as readme_chars
     from asset where slug in (${slugs.map(() => '?').join(', ')}) order by asset_type, slug`,
    slugs,
  );
  const table = rows.map((row) => [
    cut(row.slug, 28),
    cut(row.asset_type, 8),
    cut(row.sync_status ?? 'never', 7),
    cut(row.status_text, 58),
    cut(row.cleaning_status, 8),
    cut(row.cleaning_status_details ?? (row.readme_chars ? `${row.readme_chars} chars` : ''), 40),
  ]);
  const header = ['slug', 'type', 'pull', 'pull outcome', 'clean', 'clean outcome'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  write(line(header));
  write(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) write(line(cells));
}
