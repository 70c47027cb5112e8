import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '../shared/log/create-logger.js';
import { startStandin } from './start-standin.js';

// Runs the stand-in on its own: tsx src/standin/main.ts --root sample/repos --port 3999
// [--token T]... [--any-token] [--budget N]
//   [--app-id ID --public-key-file PEM [--installation ACCOUNT=ID]...]
const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    port: { type: 'string', default: '3999' },
    token: { type: 'string', multiple: true, default: [] },
    budget: { type: 'string' },
    'any-token': { type: 'boolean', default: false },
    'app-id': { type: 'string' },
    'public-key-file': { type: 'string' },
    installation: { type: 'string', multiple: true, default: [] },
  },
});

// --installation ACCOUNT=ID, repeatable: where the App given by --app-id is installed.
const installations = (values.installation ?? []).map((entry) => {
  const [account, id] = entry.split('=');
  if (!account || !Number(id)) throw new Error(`--installation expects ACCOUNT=ID, got '${entry}'`);
  return { account, id: Number(id) };
});
const app =
  values['app-id'] && values['public-key-file']
    ? { id: values['app-id'], publicKeyPem: readFileSync(values['public-key-file'], 'utf8') }
    : undefined;

const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
const standin = await startStandin({
  root: values.root,
  port: Number(values.port),
  budget: values.budget ? Number(values.budget) : undefined,
  acceptAnyToken: values['any-token'],
  app,
  installations,
  log,
});
for (const token of values.token ?? []) standin.addToken(token);
log.info({ url: standin.url, root: values.root ?? null }, 'GitHub stand-in listening');

const stop = async () => {
  await standin.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
