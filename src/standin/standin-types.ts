import type { Logger } from 'pino';

/** A repository the stand-in serves from memory. */
export interface StandinRepo {
  owner: string;
  name: string;
  /** Default `main`. */
  defaultBranch?: string;
  /** Private repositories are visible only to tokens allowed on them. Default false. */
  private?: boolean;
  archived?: boolean;
  /** Files per ref: `{ main: { 'README.md': '# Hi' } }`. */
  files?: Record<string, Record<string, string | Buffer>>;
}

/** A commit the compare endpoint walks, from head back to base through `parent`. */
export interface StandinCommit {
  sha: string;
  parent: string | null;
  files: { filename: string; status: StandinFileStatus; previous_filename?: string }[];
}

export type StandinFileStatus = 'added' | 'modified' | 'removed' | 'renamed';

/** What a token may do. */
export interface StandinTokenOptions {
  /** The user the token belongs to; its repositories are visible to it. */
  login?: string;
  /** Repositories (`owner/name`) or owners (`owner`) the token may read besides public ones. */
  installationFor?: string[];
  /** Primary points per window for this token; default the stand-in's budget. */
  budget?: number;
}

/** Request counts, per token or in total. */
export interface StandinCounters {
  /** Every request received, including refused ones. */
  requests: number;
  /** Primary (core) points charged. */
  primaryPoints: number;
  /** GraphQL points charged. */
  graphqlPoints: number;
  /** 304 answers. */
  notModified: number;
  /** Requests answered with a rate-limit refusal (primary or secondary). */
  limited: number;
  /**
   * Requests received after the stand-in had already told this token that its budget was
   * exhausted (remaining 0, or a limit refusal) and before the budget came back: what a
   * well-behaved client never sends.
   */
  sentWhileLimited: number;
  /** Requests per route, keyed like `GET /repos/{owner}/{repo}/contents/{path}`. */
  byRoute: Record<string, number>;
}

/** Faults to inject; each applies to the next matching requests. */
export interface StandinFaults {
  /** Answers the next `n` requests (matching `routeMatch`, if given) with `status`. */
  failNext(n: number, status: number, routeMatch?: string | RegExp): void;
  /** Destroys the connection of the next `n` requests (matching `routeMatch`) without answer. */
  resetNext(n: number, routeMatch?: string | RegExp): void;
  /** Delay before every answer, in ms; default 0. */
  latencyMs: number;
  /** Sets the token's remaining budget to 0 until its window resets. Default resource core. */
  exhaust(token: string, resource?: 'core' | 'graphql'): void;
  /** Refuses the token's next requests with a secondary limit for `retryAfterSec`. */
  secondaryLimit(token: string, retryAfterSec: number): void;
}

/** Options of startStandin. */
export interface StandinOptions {
  /** A folder of `<owner>/<repo>/<ref>/...` files to load; its repositories are public. */
  root?: string;
  /** Port to listen on, on 127.0.0.1; default 0 (a free port). */
  port?: number;
  repos?: StandinRepo[];
  /** Primary points per token per window (also the GraphQL budget); default 5000. */
  budget?: number;
  /** Length of a rate-limit window in ms; default one hour. */
  windowMs?: number;
  /** Blob text longer than this many bytes is truncated in GraphQL; default 512 KiB. */
  graphqlTextLimit?: number;
  /** The GitHub App whose JWTs are accepted. */
  app?: { id: number | string; publicKeyPem: string };
  /** Installations of the App. */
  installations?: StandinInstallation[];
  /** Accept any unknown token as a user token with the default budget; default false. */
  acceptAnyToken?: boolean;
  /** Installation tokens live this long; default one hour. */
  installationTokenTtlMs?: number;
  log?: Logger;
}

/** An installation of the App on an account. */
export interface StandinInstallation {
  id: number;
  account: string;
  /** Repository names of `account` it covers; default all. */
  repositories?: string[];
}

/** A running stand-in. */
export interface Standin {
  /** Base API URL, e.g. http://127.0.0.1:3999; GraphQL is `${url}/graphql`. */
  readonly url: string;
  addRepo(repo: StandinRepo): void;
  addFile(owner: string, repo: string, ref: string, path: string, content: string | Buffer): void;
  removeFile(owner: string, repo: string, ref: string, path: string): void;
  setDefaultBranch(owner: string, repo: string, branch: string): void;
  addCommit(owner: string, repo: string, commit: StandinCommit): void;
  addToken(token: string, options?: StandinTokenOptions): void;
  addInstallation(installation: StandinInstallation): void;
  /** Counters of one token (`''` for anonymous), or the totals. */
  counters(token?: string): StandinCounters;
  resetCounters(): void;
  readonly faults: StandinFaults;
  /** Replaces the clock (epoch ms) that drives rate-limit windows and token expiry. */
  setClock(now: () => number): void;
  close(): Promise<void>;
}
