import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDependencies } from '../../../app/app-dependencies.js';
import { startAppServer } from '../../../app/start-app-server.js';
import { connectBroker } from '../../../src/shared/broker/connect-broker.js';
import { ormConfig } from '../../../src/shared/db/mikro-orm.config.js';
import { AMQP_URL } from '../../support/test-broker.js';
import {
  PRIVATE_KEY,
  startTestApp,
  type TestApp,
  WEBHOOK_SECRET,
} from './support/start-test-app.js';

describe('GET /health', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('app_health');
  });
  afterAll(async () => {
    await app?.close();
  });

  const health = async (url: string) => {
    const response = await fetch(`${url}/health`);
    return { status: response.status, body: await response.json() };
  };

  /** Runs a second server over the same dependencies except `overrides`, and asks it. */
  const healthWith = async (overrides: Partial<AppDependencies>) => {
    const server = await startAppServer({
      appId: 1,
      privateKey: PRIVATE_KEY,
      webhookSecret: WEBHOOK_SECRET,
      port: 0,
      host: '127.0.0.1',
      log: pino({ level: 'silent' }),
      dependencies: {
        orm: app.db.orm,
        publisher: { publishPull: async () => {} },
        broker: app.connection,
        githubApiUrl: 'http://127.0.0.1:9',
        ...overrides,
      },
    });
    try {
      return await health(server.url);
    } finally {
      await server.close();
    }
  };

  it('answers 200 when the database and the broker are up', async () => {
    expect(await health(app.url)).toEqual({
      status: 200,
      body: { database: 'up', broker: 'up' },
    });
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    const unreachable = await MikroORM.init({
      ...ormConfig({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' }),
      connect: false,
    });
    try {
      expect(await healthWith({ orm: unreachable })).toEqual({
        status: 503,
        body: { database: 'down', broker: 'up' },
      });
    } finally {
      await unreachable.close(true);
    }
  });

  it('answers 503 naming the broker when its connection is closed', async () => {
    const connection = await connectBroker(AMQP_URL);
    await connection.close();
    expect(await healthWith({ broker: connection })).toEqual({
      status: 503,
      body: { database: 'up', broker: 'down' },
    });
  });

  it('answers 404 to other paths', async () => {
    expect((await fetch(`${app.url}/nowhere`)).status).toBe(404);
  });
});
