import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { type CounterBook, createCounterBook } from './counter-book.js';
import { FaultQueue } from './fault-queue.js';
import type { HandlerContext, Identity } from './handler-context.js';
import { type Answer, errorAnswer, readBody } from './http-util.js';
import { RateState } from './rate-state.js';
import { refusalAnswer } from './refusal-answer.js';
import { RepoStore } from './repo-store.js';
import { matchRoute, notFound } from './route-request.js';
import { credentialOf, send } from './send-answer.js';
import type {
  Standin,
  StandinInstallation,
  StandinOptions,
  StandinTokenOptions,
} from './standin-types.js';
import { verifyAppJwt } from './verify-app-jwt.js';

interface TokenRecord extends StandinTokenOptions {
  expiresAt?: number;
}

const ANONYMOUS_LIMIT = 60;

/**
 * Starts the local GitHub stand-in: a real HTTP server on 127.0.0.1 that answers the
 * endpoints registry-sync uses the way GitHub does, with per-token rate limits and
 * injectable faults. Defaults: a free port, 5000 points per token per hour, GraphQL text
 * truncated past 512 KiB.
 */
export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  let now: () => number = Date.now;
  const clock = () => now();
  const store = new RepoStore();
  const rates = new RateState(options.windowMs ?? 3_600_000, clock);
  const faults = new FaultQueue();
  const counters: CounterBook = createCounterBook();
  const tokens = new Map<string, TokenRecord>();
  const installations = new Map<number, StandinInstallation>();
  const budget = options.budget ?? 5000;
  const log = options.log?.child({ module: 'standin' });

  for (const installation of options.installations ?? []) {
    installations.set(installation.id, installation);
  }
  if (options.root) {
    const files = await store.loadRoot(options.root);
    log?.info({ root: options.root, files }, 'Loaded repositories');
  }
  for (const repo of options.repos ?? []) store.addRepo(repo);

  const identify = (
    credential: string | undefined,
    request: IncomingMessage,
    appRoute: boolean,
  ): Identity | Answer => {
    if (!credential) {
      const ip = request.socket.remoteAddress ?? 'unknown';
      const rateId = `ip:${ip}`;
      return {
        kind: 'anonymous',
        counterKey: '',
        rateId,
        login: null,
        allowed: [],
        limit: ANONYMOUS_LIMIT,
      };
    }
    if (appRoute && credential.split('.').length === 3 && options.app) {
      const problem = verifyAppJwt(credential, options.app, now());
      if (problem) return errorAnswer(401, problem);
      const key = `app:${options.app.id}`;
      return { kind: 'app', counterKey: key, rateId: key, login: null, allowed: [], limit: budget };
    }
    if (!tokens.has(credential) && options.acceptAnyToken) tokens.set(credential, {});
    const record = tokens.get(credential);
    if (!record || (record.expiresAt !== undefined && record.expiresAt <= now())) {
      return errorAnswer(401, 'Bad credentials');
    }
    return {
      kind: 'token',
      counterKey: credential,
      rateId: credential,
      login: record.login ?? null,
      allowed: record.installationFor ?? [],
      limit: record.budget ?? budget,
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://standin');
    const method = request.method ?? 'GET';
    const matched = matchRoute(method, url.pathname);
    const routeKey = matched?.route.key ?? `${method} ${url.pathname}`;
    const body = await readBody(request);
    const fault = faults.take(`${method} ${url.pathname}`);
    if (faults.latencyMs > 0) await delay(faults.latencyMs);

    const credential = credentialOf(request);
    const who = identify(credential, request, matched?.route.app === true);
    const identity = 'status' in who ? null : who;
    const tally = counters.of(identity?.counterKey ?? credential ?? '', routeKey);
    tally.requests += 1;
    if (fault?.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const status = fault.status;
      return send(response, { status, body: { message: STATUS_CODES[status] ?? 'Error' } });
    }
    if (!identity) {
      // GitHub reports the caller's IP budget on a refused credential.
      const ip = `ip:${request.socket.remoteAddress ?? 'unknown'}`;
      const headers = rates.headers(ip, 'core', ANONYMOUS_LIMIT);
      const refused = who as Answer;
      return send(response, { ...refused, headers: { ...headers, ...refused.headers } });
    }

    const resource = matched?.route.resource ?? 'core';
    if (!matched?.route.free && identity.kind !== 'app') {
      const refusal = rates.refusal(identity.rateId, resource, identity.limit);
      if (refusal) {
        tally.limited += 1;
        if (refusal.alreadyTold) tally.sentWhileLimited += 1;
        const headers = rates.headers(identity.rateId, resource, identity.limit);
        const answer = refusalAnswer(refusal, identity, resource);
        return send(response, { ...answer, headers: { ...headers, ...answer.headers } });
      }
    }

    const ctx: HandlerContext = {
      store,
      identity,
      headers: request.headers,
      query: url.searchParams,
      now: clock,
      rateStatus: (which) => rates.status(identity.rateId, which, identity.limit),
    };
    const answer = matched
      ? matched.route.handle(ctx, matched.params, body, {
          baseUrl: standin.url,
          textLimit: options.graphqlTextLimit ?? 512 * 1024,
          appId: options.app ? String(options.app.id) : null,
          installations,
          tokenTtlMs: options.installationTokenTtlMs ?? 3_600_000,
          registerInstallationToken: (token, installation, expiresAt) => {
            const allowed = installation.repositories?.map((r) => `${installation.account}/${r}`);
            tokens.set(token, { installationFor: allowed ?? [installation.account], expiresAt });
          },
        })
      : notFound();
    const which = answer.resource ?? resource;
    const points = answer.points ?? 0;
    if (which === 'graphql') tally.graphqlPoints += points;
    else tally.primaryPoints += points;
    if (answer.status === 304) tally.notModified += 1;
    const headers = rates.charge(identity.rateId, which, identity.limit, points);
    log?.debug({ method, route: routeKey, status: answer.status }, 'Answered');
    send(response, { ...answer, headers: { ...headers, ...answer.headers } });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log?.error({ err: error }, 'Stand-in failed to answer');
      if (!response.headersSent) send(response, errorAnswer(500, 'Server Error'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const standin: Standin = {
    url: `http://127.0.0.1:${port}`,
    addRepo: (repo) => void store.addRepo(repo),
    addFile: (owner, repo, ref, path, content) => store.addFile(owner, repo, ref, path, content),
    removeFile: (owner, repo, ref, path) => store.removeFile(owner, repo, ref, path),
    setDefaultBranch: (owner, repo, branch) => store.setDefaultBranch(owner, repo, branch),
    addCommit: (owner, repo, commit) => store.addCommit(owner, repo, commit),
    addToken: (token, tokenOptions = {}) => void tokens.set(token, { ...tokenOptions }),
    addInstallation: (installation) => void installations.set(installation.id, installation),
    counters: (token) => counters.read(token),
    resetCounters: () => counters.reset(),
    faults: {
      failNext: (n, status, match) =>
        faults.add({ left: n, action: { kind: 'status', status }, match }),
      resetNext: (n, match) => faults.add({ left: n, action: { kind: 'reset' }, match }),
      get latencyMs() {
        return faults.latencyMs;
      },
      set latencyMs(value: number) {
        faults.latencyMs = value;
      },
      exhaust: (token, resource = 'core') =>
        rates.exhaust(token, resource, tokens.get(token)?.budget ?? budget),
      secondaryLimit: (token, retryAfterSec) => rates.secondaryLimit(token, retryAfterSec),
    },
    setClock: (nowFn) => {
      now = nowFn;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return standin;
}
