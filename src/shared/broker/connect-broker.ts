import { Connection } from 'rabbitmq-client';
import { declarations, type Topology } from './topology.js';

export { Connection };

/** Options of {@link connectBroker}. */
export interface ConnectBrokerOptions {
  /** How long to wait for the first connection; default 5 s. */
  timeoutMs?: number;
  /** Name shown in the RabbitMQ management UI. */
  connectionName?: string;
}

/**
 * Opens a connection that reconnects by itself, and fails fast when the broker cannot be reached
 * at start: a sweep or worker that cannot queue should say so at once.
 */
export async function connectBroker(
  amqpUrl: string,
  options: ConnectBrokerOptions = {},
): Promise<Connection> {
  const connection = new Connection({
    url: amqpUrl,
    connectionName: options.connectionName ?? 'registry-sync',
    retryLow: 200,
    retryHigh: 5_000,
  });
  // The library emits errors instead of logging; an unhandled 'error' event would crash.
  connection.on('error', () => {});
  try {
    await connection.onConnect(options.timeoutMs ?? 5_000);
  } catch (error) {
    await connection.close().catch(() => {});
    throw new Error(`message broker not reachable: ${(error as Error).message}`);
  }
  return connection;
}

/** Declares every queue, exchange and binding of `t`; idempotent. */
export async function declareTopology(connection: Connection, t: Topology): Promise<void> {
  const { queues, exchanges, queueBindings } = declarations(t);
  for (const exchange of exchanges) await connection.exchangeDeclare(exchange);
  for (const queue of queues) await connection.queueDeclare(queue);
  for (const binding of queueBindings) await connection.queueBind(binding);
}
