import type { Command } from 'commander';
import { normalizeLang } from '../../shared/model/asset-enums.js';
import {
  listVariables,
  setVariable,
  type VariableRow,
} from '../../shared/variables/set-variable.js';
import { CliError } from '../cli-error.js';
import { openRuntime } from '../open-runtime.js';

const parseLang = (value: string) => {
  try {
    return normalizeLang(value);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
};

/** `registry-sync variables set KEY VALUE` and `variables list`. */
export function register(program: Command): void {
  const variables = program
    .command('variables')
    .description('content variables written as {% key %} in READMEs, per language and academy');

  variables
    .command('set')
    .argument('<key>', 'variable name, as written between {% and %}')
    .argument('<value>', 'what the variable becomes')
    .description('create or replace a variable')
    .option('--lang <lang>', 'only for assets in this language (default: any language)')
    .option('--academy <academy>', 'only for this academy (default: any academy)')
    .action(async (key: string, value: string, options: { lang?: string; academy?: string }) => {
      const row = {
        key,
        value,
        lang: options.lang ? parseLang(options.lang) : '',
        academy: options.academy?.trim() ?? '',
      };
      const runtime = openRuntime();
      try {
        await setVariable((await runtime.orm()).em.fork(), row).catch((error) => {
          throw error instanceof RangeError ? new CliError(error.message) : error;
        });
        console.log(`set {% ${key} %} for ${scope(row)}`);
      } finally {
        await runtime.close();
      }
    });

  variables
    .command('list')
    .description('list variables, those of one language with --lang')
    .option('--lang <lang>', "only those that apply to this language (its own and any language's)")
    .option('--json', 'one JSON object per line')
    .action(async (options: { lang?: string; json?: boolean }) => {
      const lang = options.lang ? parseLang(options.lang) : undefined;
      const runtime = openRuntime();
      try {
        const rows = await listVariables((await runtime.orm()).em.fork(), { lang });
        if (options.json) {
          for (const row of rows) console.log(JSON.stringify(row));
        } else {
          printTable(rows);
        }
      } finally {
        await runtime.close();
      }
    });
}

function scope(row: VariableRow): string {
  const lang = row.lang ? `lang ${row.lang}` : 'any language';
  return `${lang}, ${row.academy ? `academy ${row.academy}` : 'any academy'}`;
}

function printTable(rows: VariableRow[]): void {
  if (rows.length === 0) {
    console.log('no variables');
    return;
  }
  const cells = rows.map((row) => [
    row.key,
    row.lang || '*',
    row.academy || '*',
    /[\r\n\t]/.test(row.value) ? JSON.stringify(row.value) : row.value,
  ]);
  const header = ['KEY', 'LANG', 'ACADEMY', 'VALUE'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ');
  console.log(line(header));
  for (const row of cells) console.log(line(row));
}
