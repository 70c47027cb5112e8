import type { Connection } from 'rabbitmq-client';
import { connectBroker } from '../shared/broker/connect-broker.js';
import { createJobPublisher, type JobPublisher } from '../shared/broker/job-publisher.js';
import { type Topology, topology } from '../shared/broker/topology.js';
import { type Config, loadConfig, redactUrl } from '../shared/config/load-config.js';
import { type MikroORM, openOrm } from '../shared/db/open-orm.js';
import { createLogger, type Logger } from '../shared/log/create-logger.js';
import { CliError } from './cli-error.js';

/** What a command needs, opened on demand and closed together. */
export interface Runtime {
  config: Config;
  log: Logger;
  topology: Topology;
  orm(): Promise<MikroORM>;
  broker(): Promise<Connection>;
  publisher(): Promise<JobPublisher>;
  close(): Promise<void>;
}

/** Opens the configuration and logger now, the database and broker when first asked for. */
export function openRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = loadConfig(env);
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  let orm: Promise<MikroORM> | undefined;
  let connection: Promise<Connection> | undefined;
  let publisher: JobPublisher | undefined;
  const t = topology(config.QUEUE_PREFIX);

  return {
    config,
    log,
    topology: t,
    orm() {
      orm ??= openOrm(config.DATABASE_URL).catch((error: Error) => {
        throw new CliError(
          `database not reachable at ${redactUrl(config.DATABASE_URL)}: ${error.message} ` +
            '(check DATABASE_URL, and run `registry-sync migrate` on a new database)',
        );
      });
      return orm;
    },
    broker() {
      connection ??= connectBroker(config.AMQP_URL).catch((error: Error) => {
        throw new CliError(
          `${error.message} at ${redactUrl(config.AMQP_URL)} ` +
            '(check AMQP_URL and that RabbitMQ runs)',
        );
      });
      return connection;
    },
    async publisher() {
      publisher ??= createJobPublisher(await this.broker(), t);
      return publisher;
    },
    async close() {
      await publisher?.close();
      if (connection) await (await connection.catch(() => undefined))?.close();
      if (orm) await (await orm.catch(() => undefined))?.close(true);
      log.flush?.();
    },
  };
}
