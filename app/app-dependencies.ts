import type { JobPublisher } from '../src/shared/broker/job-publisher.js';
import type { MikroORM } from '../src/shared/db/open-orm.js';
import type { GithubClient } from '../src/shared/github/github-client.js';

/** Lists the paths changed between two commits of a repository (the compare API). */
export type ListChangedFiles = (
  client: GithubClient,
  owner: string,
  repo: string,
  base: string,
  head: string,
) => Promise<string[]>;

/** What the app reads, writes and calls; injected so tests use their own database and queues. */
export interface AppDependencies {
  orm: MikroORM;
  /** Publishes pull jobs; the webhook lane of its topology receives them. */
  publisher: Pick<JobPublisher, 'publishPull'>;
  /** The broker connection behind `publisher`, for `/health`. */
  broker: { readonly ready: boolean };
  /** GitHub REST base URL for the compare API; the same as Probot's `baseUrl`. */
  githubApiUrl: string;
  /** Default the shared compare-API implementation. */
  listChangedFiles?: ListChangedFiles;
  /** Clock in epoch ms; default `Date.now`. */
  now?: () => number;
  /** Longest wait for the compare API before falling back to every asset; default 4,000 ms. */
  compareTimeoutMs?: number;
  /** Longest wait for the broker's confirms before answering 503; default 4,000 ms. */
  publishTimeoutMs?: number;
  /** Longest wait for each `/health` check; default 1,000 ms. */
  healthTimeoutMs?: number;
}
