import type { Command } from 'commander';
import { findAssets, showAsset } from '../../shared/assets/find-assets.js';
import { ImportValidationError, importAssets } from '../../shared/assets/import-assets.js';
import { ImportSyntaxError } from '../../shared/assets/read-records.js';
import { CliError } from '../cli-error.js';
import { openRuntime } from '../open-runtime.js';
import { readInput } from '../read-input.js';
import { parseFilters } from './parse-filters.js';
import { addFilterOptions } from './sweep-commands.js';

/** `registry-sync assets import|list|show`. */
export function register(program: Command): void {
  const assets = program.command('assets').description('import and inspect assets');

  assets
    .command('import')
    .argument('<file>', "JSON array or JSON lines of assets; '-' for standard input")
    .description('create or update assets by slug; nothing is applied when any record is bad')
    .action(async (file: string) => {
      const text = await readInput(file);
      const runtime = openRuntime();
      try {
        const orm = await runtime.orm();
        const result = await importAssets(orm.em.fork(), text).catch((error) => {
          if (error instanceof ImportValidationError || error instanceof ImportSyntaxError) {
            throw new CliError(`${file}: ${error.message}`);
          }
          throw error;
        });
        for (const warning of result.warnings) {
          console.log(
            `warning: line ${warning.line} (${warning.slug}): readme_url ${warning.message}`,
          );
        }
        console.log(
          `imported ${result.created + result.updated} assets ` +
            `(${result.created} new, ${result.updated} updated)`,
        );
      } finally {
        await runtime.close();
      }
    });

  addFilterOptions(
    assets
      .command('list')
      .description('list assets, stalest pull first')
      .option('--limit <n>', 'at most this many', '100')
      .option('--json', 'JSON lines instead of a table', false),
  ).action(async (raw: Record<string, string | boolean>) => {
    const filters = parseFilters(raw);
    const limit = Number(raw.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new CliError(`--limit: '${raw.limit}' is not a positive whole number`);
    const runtime = openRuntime();
    try {
      const rows = await findAssets((await runtime.orm()).em.fork(), filters, limit);
      if (raw.json) {
        for (const row of rows) console.log(JSON.stringify(row));
        return;
      }
      if (rows.length === 0) return console.log('No assets found matching the criteria.');
      console.table(
        rows.map((row) => ({
          slug: row.slug,
          type: row.asset_type,
          lang: row.lang,
          status: row.status,
          sync: row.sync_status ?? '-',
          'last sync': row.last_synch_at ?? 'Never',
          cleaning: row.cleaning_status ?? '-',
        })),
      );
    } finally {
      await runtime.close();
    }
  });

  assets
    .command('show')
    .argument('<slug>')
    .description('every stored field of one asset (texts shown by size), and its last events')
    .option('--json', 'as JSON', false)
    .action(async (slug: string, raw: { json: boolean }) => {
      const runtime = openRuntime();
      try {
        const shown = await showAsset((await runtime.orm()).em.fork(), slug);
        if (!shown) throw new CliError(`no asset with slug '${slug}'`);
        if (raw.json) return console.log(JSON.stringify(shown, null, 2));
        for (const [key, value] of Object.entries(shown.asset)) {
          console.log(`${key.padEnd(24)} ${value === null ? '-' : showValue(value)}`);
        }
        console.log('\nlast events:');
        for (const event of shown.events) {
          console.log(
            `  ${event.created_at} ${event.kind} ${event.outcome} (${event.source_type}) ` +
              `${event.detail ?? ''}`,
          );
        }
      } finally {
        await runtime.close();
      }
    });
}

const showValue = (value: unknown) =>
  typeof value === 'object' ? JSON.stringify(value) : String(value);
