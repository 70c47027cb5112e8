import { createHmac, randomUUID } from 'node:crypto';
import { WEBHOOK_PATH } from '../../app/start-app-server.js';

/** The webhook secret every benchmarked app server is started with. */
export const BENCH_WEBHOOK_SECRET = 'bench-secret';

/** One delivery, ready to send: body and signature are computed before any timing starts. */
export interface Delivery {
  body: string;
  signature: string;
}

/** The X-Hub-Signature-256 of `body` under {@link BENCH_WEBHOOK_SECRET}. */
export function signBody(body: string): string {
  return `sha256=${createHmac('sha256', BENCH_WEBHOOK_SECRET).update(body).digest('hex')}`;
}

/** Serialises and signs a payload. */
export function signedDelivery(payload: unknown): Delivery {
  const body = JSON.stringify(payload);
  return { body, signature: signBody(body) };
}

/** The URL GitHub delivers to on an app server listening at `baseUrl`. */
export const webhookUrl = (baseUrl: string) => `${baseUrl}${WEBHOOK_PATH}`;

/**
 * POSTs a signed delivery to `url` (default event `push`, default a fresh delivery id) and
 * resolves with its response time in ms; throws unless the answer is 200.
 */
export async function sendDelivery(
  url: string,
  delivery: Delivery,
  options: { event?: string; id?: string } = {},
): Promise<number> {
  const sent = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': options.event ?? 'push',
      'x-github-delivery': options.id ?? randomUUID(),
      'x-hub-signature-256': delivery.signature,
    },
    body: delivery.body,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`delivery answered ${response.status}`);
  return performance.now() - sent;
}
