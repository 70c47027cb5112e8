import { WebhookDelivery } from '../../src/shared/db/entities/index.js';
import type { EntityManager } from '../../src/shared/db/open-orm.js';

/** A handled delivery, as recorded. */
export interface DeliveryRecord {
  deliveryId: string;
  /** The X-GitHub-Event name (`push`, `repository`, ...). */
  event: string;
  /** `owner/name` as GitHub sent it, or null for events about an installation. */
  repository: string | null;
  jobsQueued: number;
  receivedAt: Date;
}

/** True when `deliveryId` was already handled: its redelivery must queue nothing again. */
export async function isDeliveryHandled(em: EntityManager, deliveryId: string): Promise<boolean> {
  const found = await em.count(WebhookDelivery, { deliveryId });
  return found > 0;
}

/**
 * Records a handled delivery. A concurrent duplicate loses on the primary key without error:
 * both copies queued the same jobs, and pulls are idempotent.
 */
export async function recordDelivery(em: EntityManager, record: DeliveryRecord): Promise<void> {
  await em
    .createQueryBuilder(WebhookDelivery)
    .insert({ ...record, repository: record.repository?.slice(0, 200) ?? null })
    .onConflict('deliveryId')
    .ignore()
    .execute();
}
