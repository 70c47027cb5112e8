import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, type ProbotOctokit } from 'probot';
import type { Logger } from '../src/shared/log/create-logger.js';
import type { AppDependencies } from './app-dependencies.js';
import { createApp } from './create-app.js';

/** Options of {@link startAppServer}. */
export interface AppServerOptions {
  appId: number | string;
  /** PEM text of the App's private key. */
  privateKey: string;
  webhookSecret: string;
  /** Port to listen on; 0 picks a free one (see `AppServer.port`). */
  port: number;
  /** Interface to listen on; default all. */
  host?: string;
  log: Logger;
  dependencies: AppDependencies;
  /** Octokit class for Probot; default Probot's own (with retry and throttling). */
  Octokit?: typeof ProbotOctokit;
}

/** A running app server. */
export interface AppServer {
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

/** Probot's default webhook path, where GitHub is configured to deliver. */
export const WEBHOOK_PATH = '/api/github/webhooks';

/**
 * Starts the app on a plain node:http server through Probot's node middleware (rather than
 * Probot's Server, which cannot listen on port 0). Webhooks are verified against
 * `webhookSecret` and answered at {@link WEBHOOK_PATH}; `GET /health` reports the database and
 * the broker; every other request gets 404. Probot's GitHub client uses
 * `dependencies.githubApiUrl` as its base URL.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.dependencies.githubApiUrl.replace(/\/+$/, ''),
    log: options.log,
    webhookPath: WEBHOOK_PATH,
    Octokit: options.Octokit,
  });
  const middleware = await createNodeMiddleware(createApp(options.dependencies), {
    probot,
    webhooksPath: WEBHOOK_PATH,
  });
  const server = createServer((request, response) => {
    void middleware(request, response, () => {
      if (!response.headersSent) response.writeHead(404).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = address === '::' || address === '0.0.0.0' ? '127.0.0.1' : address;
  const url = `http://${family === 'IPv6' && host !== '127.0.0.1' ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
