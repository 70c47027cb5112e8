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
  const timeoutMs = options.timeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  // n.b. the library's own connect timer does not keep the process alive, and its close() can
  // wait forever on a connection that never opened: race a timer of ours and do not await close.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
  });
  let lastError: Error | undefined;
  const remember = (error: Error) => {
    lastError = error;
  };
  connection.on('error', remember);
  try {
    await Promise.race([connection.onConnect(timeoutMs + 1_000), deadline]);
  } catch (error) {
    void connection.close().catch(() => {});
    const cause = lastError?.message ?? (error as Error).message;
    throw new Error(`message broker not reachable: ${cause}`);
  } finally {
    clearTimeout(timer);
    connection.off('error', remember);
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
