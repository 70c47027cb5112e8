import { randomBytes } from 'node:crypto';
import type { SyncMessage } from 'rabbitmq-client';
import {
  type Connection,
  connectBroker,
  declareTopology,
} from '../../src/shared/broker/connect-broker.js';
import { declarations, type Topology, topology } from '../../src/shared/broker/topology.js';

export const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A queue prefix of its own for one test file, with helpers to read what was published. */
export interface TestBroker {
  prefix: string;
  topology: Topology;
  connection: Connection;
  /** Takes every message now in `queue` (acknowledging them) and returns their parsed bodies. */
  drain(queue: string): Promise<unknown[]>;
  /** Like drain, but returns the raw messages. */
  drainMessages(queue: string): Promise<SyncMessage[]>;
  depth(queue: string): Promise<number>;
  /** Deletes every queue and exchange of the prefix and closes the connection. */
  destroy(): Promise<void>;
}

export async function createTestBroker(label = 'test'): Promise<TestBroker> {
  const prefix = `t_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const t = topology(prefix);
  const connection = await connectBroker(AMQP_URL);
  await declareTopology(connection, t);

  const drainMessages = async (queue: string) => {
    const channel = await connection.acquire();
    const messages: SyncMessage[] = [];
    try {
      for (;;) {
        const message = await channel.basicGet({ queue, noAck: true });
        if (!message) break;
        messages.push(message);
      }
    } finally {
      await channel.close();
    }
    return messages;
  };

  return {
    prefix,
    topology: t,
    connection,
    drainMessages,
    async drain(queue) {
      const messages = await drainMessages(queue);
      return messages.map((message) => {
        const body = Buffer.isBuffer(message.body) ? message.body.toString('utf8') : message.body;
        return typeof body === 'string' ? JSON.parse(body) : body;
      });
    },
    async depth(queue) {
      const ok = await connection.queueDeclare({ queue, passive: true });
      return ok.messageCount;
    },
    async destroy() {
      const { queues, exchanges } = declarations(t);
      for (const queue of queues) await connection.queueDelete({ queue: queue.queue });
      for (const exchange of exchanges) {
        await connection.exchangeDelete({ exchange: exchange.exchange });
      }
      await connection.close();
    },
  };
}
