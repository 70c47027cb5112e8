import type { EntityManager } from '@mikro-orm/postgresql';
import type { Connection } from 'rabbitmq-client';
import { connectBroker } from '../../src/shared/broker/connect-broker.js';
import { createJobPublisher, type JobPublisher } from '../../src/shared/broker/job-publisher.js';
import { topology } from '../../src/shared/broker/topology.js';
import { redactUrl } from '../../src/shared/config/load-config.js';
import { type MikroORM, openOrm } from '../../src/shared/db/open-orm.js';
import type { ConnectionInputs } from './connection-inputs.js';

/** The database and broker a sweep works with, closed together. */
export interface SweepConnections {
  em: EntityManager;
  publisher: JobPublisher;
  close(): Promise<void>;
}

/** Options of {@link openConnections}. */
export interface OpenConnectionsOptions {
  /** Connect to the broker; default true. A dry run queues nothing and needs none. */
  broker?: boolean;
}

/**
 * Opens the database, then the broker. An unreachable one throws a message that names the
 * input to check and shows the URL with its password replaced; whatever was opened is closed.
 */
export async function openConnections(
  inputs: ConnectionInputs,
  options: OpenConnectionsOptions = {},
): Promise<SweepConnections> {
  let orm: MikroORM;
  try {
    orm = await openOrm(inputs.databaseUrl, { poolMax: 2 });
  } catch (error) {
    throw new Error(
      `Database not reachable at ${redactUrl(inputs.databaseUrl)}: ${(error as Error).message}. ` +
        'Check the database-url input (or DATABASE_URL).',
    );
  }
  if (!(await hasRegistryTables(orm))) {
    await orm.close(true);
    throw new Error(
      `The database at ${redactUrl(inputs.databaseUrl)} has no registry tables. ` +
        'Run `registry-sync migrate` against it first; the Action does not migrate.',
    );
  }

  let connection: Connection | undefined;
  let publisher: JobPublisher = dryRunPublisher;
  if (options.broker ?? true) {
    try {
      connection = await connectBroker(inputs.amqpUrl, { connectionName: 'registry-sync action' });
    } catch (error) {
      await orm.close(true);
      throw new Error(
        `${capitalize((error as Error).message)} at ${redactUrl(inputs.amqpUrl)}. ` +
          'Check the amqp-url input (or AMQP_URL) and that RabbitMQ accepts connections.',
      );
    }
    publisher = createJobPublisher(connection, topology(inputs.queuePrefix));
  }

  return {
    em: orm.em.fork(),
    publisher,
    async close() {
      try {
        await publisher.close();
        await connection?.close();
      } finally {
        await orm.close(true);
      }
    },
  };
}

async function hasRegistryTables(orm: MikroORM): Promise<boolean> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<{ present: boolean }[]>(
      "select to_regclass('asset') is not null and to_regclass('sweep') is not null as present",
    );
  return row.present;
}

const refuse = async (): Promise<never> => {
  throw new Error('a dry run publishes nothing');
};

const dryRunPublisher: JobPublisher = {
  publishPull: refuse,
  publishClean: refuse,
  publishRaw: refuse,
  close: async () => {},
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
