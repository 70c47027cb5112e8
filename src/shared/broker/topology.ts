/**
 * The queues of the registry, all named under one prefix (`registry` by default; tests use
 * their own). Declared in one place so producers, workers and `status` agree.
 */
export interface Topology {
  prefix: string;
  /** Sweep pulls. */
  pull: string;
  /** Push-driven pulls: a lane of its own so a push never waits behind a sweep backlog. */
  pullWebhook: string;
  clean: string;
  /** Messages that cannot be handled: malformed, unknown version, or out of tries. */
  dead: string;
  /** Delay queues, shortest first: a message waits there, then dead-letters back. */
  retries: { name: string; exchange: string; delayMs: number }[];
}

/** Delays of the retry queues. A wait longer than the longest is served in several hops. */
export const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/** Most deliveries of one message before RabbitMQ drops it to the dead letters regardless. */
export const DELIVERY_LIMIT = 50;

/** The queue names under `prefix`. */
export function topology(prefix = 'registry'): Topology {
  return {
    prefix,
    pull: `${prefix}.pull`,
    pullWebhook: `${prefix}.pull.webhook`,
    clean: `${prefix}.clean`,
    dead: `${prefix}.dead`,
    retries: RETRY_DELAYS_MS.map((delayMs) => ({
      name: `${prefix}.retry.${delayMs / 1000}s`,
      exchange: `${prefix}.retry.${delayMs / 1000}s`,
      delayMs,
    })),
  };
}

/** Arguments of a work queue: quorum, and dead-lettered to the dead queue. */
export function workQueueArguments(t: Topology) {
  return {
    'x-queue-type': 'quorum' as const,
    'x-dead-letter-exchange': '',
    'x-dead-letter-routing-key': t.dead,
    'x-delivery-limit': DELIVERY_LIMIT,
  };
}

/**
 * Everything to declare, as rabbitmq-client's publisher and consumer props take it. A retry
 * queue is reached through a fanout exchange of its name, so the message keeps the routing key
 * of its work queue, and RabbitMQ sends it back there (default exchange) when its TTL expires.
 */
export function declarations(t: Topology) {
  const work = [t.pull, t.pullWebhook, t.clean].map((queue) => ({
    queue,
    durable: true,
    arguments: workQueueArguments(t),
  }));
  const dead = { queue: t.dead, durable: true, arguments: { 'x-queue-type': 'quorum' as const } };
  const retryQueues = t.retries.map((retry) => ({
    queue: retry.name,
    durable: true,
    arguments: {
      'x-queue-type': 'quorum' as const,
      'x-message-ttl': retry.delayMs,
      'x-dead-letter-exchange': '',
    },
  }));
  const exchanges = t.retries.map((retry) => ({
    exchange: retry.exchange,
    type: 'fanout' as const,
    durable: true,
  }));
  const queueBindings = t.retries.map((retry) => ({
    queue: retry.name,
    exchange: retry.exchange,
    routingKey: '',
  }));
  return { queues: [...work, dead, ...retryQueues], exchanges, queueBindings };
}
