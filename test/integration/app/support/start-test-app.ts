import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import type { AppDependencies } from '../../../../app/app-dependencies.js';
import { type AppServer, startAppServer, WEBHOOK_PATH } from '../../../../app/start-app-server.js';
import { type Connection, connectBroker } from '../../../../src/shared/broker/connect-broker.js';
import {
  createJobPublisher,
  type JobPublisher,
} from '../../../../src/shared/broker/job-publisher.js';
import type { PullJob } from '../../../../src/shared/jobs/job-schemas.js';
import { AMQP_URL, createTestBroker, type TestBroker } from '../../../support/test-broker.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database.js';

/** The App's identity in tests: its id, key pair and webhook secret. */
export const TEST_APP_ID = 4242;
export const WEBHOOK_SECRET = 'test-webhook-secret';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const PRIVATE_KEY = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
export const PUBLIC_KEY = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** What a delivery got back. */
export interface DeliveryAnswer {
  status: number;
  body: string;
}

/** How to sign a delivery: default with {@link WEBHOOK_SECRET}; `signature: null` sends none. */
export interface DeliverOptions {
  id?: string;
  secret?: string;
  signature?: string | null;
}

/** The app running on a free port over a test database and a test queue prefix. */
export interface TestApp {
  url: string;
  db: TestDatabase;
  broker: TestBroker;
  /** The app's own broker connection (the publisher and /health use it). */
  connection: Connection;
  server: AppServer;
  /** Every log line the app wrote, parsed (debug and up). */
  logs: Record<string, unknown>[];
  /** POSTs a signed webhook delivery over HTTP. */
  deliver(event: string, payload: unknown, options?: DeliverOptions): Promise<DeliveryAnswer>;
  /** Takes every job now on the webhook lane. */
  webhookJobs(): Promise<PullJob[]>;
  close(): Promise<void>;
}

/** The HMAC GitHub puts in X-Hub-Signature-256. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs `payload` as a GitHub delivery of `event` to `url`. */
export async function deliverTo(
  url: string,
  event: string,
  payload: unknown,
  options: DeliverOptions = {},
): Promise<DeliveryAnswer> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': options.id ?? randomUUID(),
  };
  const signature =
    options.signature === undefined
      ? sign(options.secret ?? WEBHOOK_SECRET, body)
      : options.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  const response = await fetch(`${url}${WEBHOOK_PATH}`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

/**
 * Starts the app with a fresh database and queue prefix labelled `label`. `overrides` replace
 * dependencies (a failing publisher, an unreachable database); `publisher` is built from the
 * app's connection when not given.
 */
export async function startTestApp(
  label: string,
  overrides: Partial<AppDependencies> & { githubApiUrl?: string } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(label);
  const broker = await createTestBroker(label);
  const connection = await connectBroker(AMQP_URL, { connectionName: `test app ${label}` });
  const publisher: JobPublisher = createJobPublisher(connection, broker.topology);
  const logs: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'debug' },
    {
      write(line: string) {
        logs.push(JSON.parse(line));
        if (process.env.TEST_APP_LOGS) process.stderr.write(line);
      },
    },
  );
  const server = await startAppServer({
    appId: TEST_APP_ID,
    privateKey: PRIVATE_KEY,
    webhookSecret: WEBHOOK_SECRET,
    port: 0,
    host: '127.0.0.1',
    log,
    dependencies: {
      orm: db.orm,
      publisher,
      broker: connection,
      githubApiUrl: 'http://127.0.0.1:9',
      ...overrides,
    },
  });

  return {
    url: server.url,
    db,
    broker,
    connection,
    server,
    logs,
    deliver: (event, payload, options) => deliverTo(server.url, event, payload, options),
    webhookJobs: () => broker.drain(broker.topology.pullWebhook) as Promise<PullJob[]>,
    async close() {
      await server.close();
      await publisher.close();
      await connection.close();
      await broker.destroy();
      await db.drop();
    },
  };
}
