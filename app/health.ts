import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '../src/shared/db/open-orm.js';
import type { Logger } from '../src/shared/log/create-logger.js';
import { withDeadline } from './with-deadline.js';

/** The state of each part the app depends on. */
export interface HealthReport {
  database: 'up' | 'down';
  broker: 'up' | 'down';
}

/** What {@link checkHealth} looks at. */
export interface HealthDependencies {
  orm: MikroORM;
  /** The broker connection; `ready` is false while it is down or blocked. */
  broker: { readonly ready: boolean };
  log: Logger;
  /** Longest wait for the database check; default 1,000 ms. */
  timeoutMs?: number;
}

/** Checks the database with a `select 1` and the broker by its connection's state. */
export async function checkHealth(deps: HealthDependencies): Promise<HealthReport> {
  const timeoutMs = deps.timeoutMs ?? 1_000;
  const database = await withDeadline(
    deps.orm.em.fork().execute('select 1'),
    timeoutMs,
    'database check',
  ).then(
    () => 'up' as const,
    (error: unknown) => {
      deps.log.warn({ err: error }, 'Health check: database is down');
      return 'down' as const;
    },
  );
  const broker = deps.broker.ready ? 'up' : 'down';
  if (broker === 'down') deps.log.warn('Health check: broker connection is down');
  return { database, broker };
}

/**
 * An HTTP handler for `GET /health`: 200 with `{database: 'up', broker: 'up'}`, or 503 naming
 * the part that is down. Answers false (not handled) for every other request.
 */
export function createHealthHandler(deps: HealthDependencies) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const path = request.url?.split('?')[0];
    if (path !== '/health' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return false;
    }
    const report = await checkHealth(deps);
    const up = report.database === 'up' && report.broker === 'up';
    const body = JSON.stringify(report);
    response
      .writeHead(up ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      })
      .end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}
