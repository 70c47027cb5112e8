import type { Command } from 'commander';
import { startAppServer, WEBHOOK_PATH } from '../../../app/start-app-server.js';
import { readAppSettings } from '../../shared/config/read-app-settings.js';
import { CliError } from '../cli-error.js';
import { openRuntime } from '../open-runtime.js';

/** `registry-sync app`: run the GitHub App server until SIGINT or SIGTERM. */
export function register(program: Command): void {
  program
    .command('app')
    .description('run the GitHub App server: push webhooks queue pulls of the changed assets')
    .option('--host <address>', 'interface to listen on (default: all interfaces)')
    .action(async (options: { host?: string }) => {
      const runtime = openRuntime();
      try {
        const settings = readAppSettings(runtime.config);
        const broker = await runtime.broker();
        const server = await startAppServer({
          appId: settings.appId,
          privateKey: settings.privateKey,
          webhookSecret: settings.webhookSecret,
          port: settings.port,
          host: options.host,
          log: runtime.log,
          dependencies: {
            orm: await runtime.orm(),
            publisher: await runtime.publisher(),
            broker,
            githubApiUrl: settings.githubApiUrl,
          },
        }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EADDRINUSE') throw error;
          throw new CliError(`port ${settings.port} is already in use (set PORT to a free port)`);
        });
        runtime.log.info(
          {
            url: server.url,
            webhooks: `${server.url}${WEBHOOK_PATH}`,
            health: `${server.url}/health`,
          },
          'App listening',
        );
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        runtime.log.info({ signal }, 'App stopping');
        await server.close();
      } finally {
        await runtime.close();
      }
    });
}
