import type { ApplicationFunction } from 'probot';
import { connectBroker } from '../src/shared/broker/connect-broker.js';
import { createJobPublisher } from '../src/shared/broker/job-publisher.js';
import { topology } from '../src/shared/broker/topology.js';
import { loadConfig } from '../src/shared/config/load-config.js';
import { openOrm } from '../src/shared/db/open-orm.js';
import { createApp } from './create-app.js';

export type { AppDependencies } from './app-dependencies.js';
export { createApp } from './create-app.js';
export { type AppServer, type AppServerOptions, startAppServer } from './start-app-server.js';

/**
 * The Probot app, for Probot's own runner (`probot run ./build/app/index.js`): it opens the
 * database (DATABASE_URL), the broker (AMQP_URL, QUEUE_PREFIX) and the compare API base
 * (GITHUB_API_URL) from the environment. `registry-sync app` runs the same app through
 * {@link startAppServer} with its dependencies injected.
 */
const app: ApplicationFunction = async (probot, options) => {
  const config = loadConfig();
  const orm = await openOrm(config.DATABASE_URL);
  const broker = await connectBroker(config.AMQP_URL, { connectionName: 'registry-sync app' });
  const publisher = createJobPublisher(broker, topology(config.QUEUE_PREFIX));
  await createApp({ orm, publisher, broker, githubApiUrl: config.GITHUB_API_URL })(probot, options);
};

export default app;
