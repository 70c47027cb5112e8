import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import type { AppDependencies } from '../../app/app-dependencies.js';
import { startAppServer } from '../../app/start-app-server.js';
import { BENCH_WEBHOOK_SECRET, webhookUrl } from './webhook-delivery.js';

/**
 * Starts the app server on a free port of 127.0.0.1, with a fresh App key, the bench webhook
 * secret and a silent logger. Resolves with the URL deliveries are posted to.
 */
export async function startBenchApp(dependencies: AppDependencies) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = await startAppServer({
    appId: 1,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    webhookSecret: BENCH_WEBHOOK_SECRET,
    port: 0,
    host: '127.0.0.1',
    log: pino({ level: 'silent' }),
    dependencies,
  });
  return { url: webhookUrl(server.url), close: () => server.close() };
}
