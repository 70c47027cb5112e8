import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A handled webhook delivery, recorded once its jobs are confirmed, so redeliveries are no-ops. */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  properties: {
    deliveryId: p.string().length(100).primary(),
    event: p.string().length(50),
    repository: p.string().length(200).nullable(),
    jobsQueued: p.integer().default(0),
    receivedAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date()),
  },
});

export type WebhookDelivery = InferEntity<typeof WebhookDelivery>;
