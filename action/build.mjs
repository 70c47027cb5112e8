// Bundles the Action into one ESM file, action/dist/index.js, committed with the source: a
// runner executes it straight from a checkout, where there is no node_modules.
// Usage: node action/build.mjs [outfile]   (default action/dist/index.js)
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(process.argv[2] ?? resolve(root, 'action/dist/index.js'));

// Database drivers that knex and MikroORM's knex layer require only when configured for them.
// The Action talks to PostgreSQL through pg alone, so these are never loaded: left external, the
// bundle needs none of them installed.
const NEVER_LOADED = [
  'better-sqlite3',
  'libsql',
  'mariadb/callback',
  'mysql',
  'mysql2',
  'oracledb',
  'sqlite3',
  'tedious',
];

await build({
  absWorkingDir: root,
  entryPoints: ['action/src/main.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // MikroORM reads class names at run time; esbuild renames clashing ones without this.
  keepNames: true,
  // Whitespace and syntax only: MikroORM parses some functions' source for parameter names.
  minifyWhitespace: true,
  minifySyntax: true,
  alias: { '@mikro-orm/migrations': './action/src/without-migrations.ts' },
  external: NEVER_LOADED,
  // Bundled CommonJS dependencies call require() for Node built-ins (net, tls, ...).
  banner: {
    js: [
      "import { createRequire as __bundleCreateRequire } from 'node:module';",
      'const require = __bundleCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  legalComments: 'eof',
  logLevel: 'warning',
});

// Node loads the bundle as ESM whatever the root package.json says.
await writeFile(resolve(dirname(outfile), 'package.json'), '{ "type": "module" }\n');
