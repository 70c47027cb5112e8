import type { Connection } from 'rabbitmq-client';
import type { Topology } from './topology.js';

/** Ready messages in each queue of `t`, or null for a queue that does not exist. */
export async function queueDepths(connection: Connection, t: Topology) {
  const names = [t.pullWebhook, t.pull, t.clean, ...t.retries.map((r) => r.name), t.dead];
  const depths: Record<string, number | null> = {};
  for (const queue of names) {
    // A passive declare of a missing queue closes the channel: use a fresh one each time.
    const channel = await connection.acquire();
    try {
      depths[queue] = (await channel.queueDeclare({ queue, passive: true })).messageCount;
    } catch {
      depths[queue] = null;
    } finally {
      await channel.close().catch(() => {});
    }
  }
  return depths;
}
