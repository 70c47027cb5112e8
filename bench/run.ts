import { readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './support/bench-result.js';

// Runs every bench/*.bench.ts (or those whose name contains the first argument), prints a table
// and writes bench/results.json. Figures only: nothing here passes or fails.
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = (await readdir(here))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !only || file.includes(only))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark matches '${only}'; available: ${(await readdir(here)).join(', ')}`);
  process.exit(2);
}

const results: BenchResult[] = [];
for (const file of files) {
  console.error(`running ${basename(file, '.bench.ts')} ...`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
  results.push(...(await module.default()));
}

const format = (value: number | null) =>
  value === null ? '-' : value >= 100 ? value.toFixed(0) : value.toPrecision(3);
const rows = results.map((r) => [
  r.name,
  `${format(r.value)} ${r.unit}`,
  r.baseline === null ? '-' : `${format(r.baseline)} ${r.unit} (${r.baselineName ?? 'baseline'})`,
  r.ratio === null ? '-' : format(r.ratio),
]);
const header = ['benchmark', 'value', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

await writeFile(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten ${join('bench', 'results.json')}`);
