import type { ApplicationFunction } from 'probot';
import { listChangedFiles } from '../src/shared/github/compare-commits.js';
import type { AppDependencies, ListChangedFiles } from './app-dependencies.js';
import { createHealthHandler } from './health.js';
import { handleInstallationEvent } from './installation/handle-installation-event.js';
import { handlePush } from './push/handle-push.js';
import { octokitGithubClient } from './push/octokit-github-client.js';
import { handleRepositoryEvent } from './repository/handle-repository-event.js';

/**
 * Builds the Probot app over `deps`: push webhooks queue pulls of the changed assets,
 * repository events keep asset URLs and marks in step, installation events keep the
 * installation table, and `GET /health` reports the database and the broker.
 */
export function createApp(deps: AppDependencies): ApplicationFunction {
  const now = deps.now ?? Date.now;
  const changedFiles: ListChangedFiles = deps.listChangedFiles ?? listChangedFiles;

  return (app, { addHandler }) => {
    addHandler(
      createHealthHandler({
        orm: deps.orm,
        broker: deps.broker,
        log: app.log.child({ name: 'health' }),
        timeoutMs: deps.healthTimeoutMs,
      }),
    );

    app.on('push', async (context) => {
      const { owner, repo } = context.repo();
      await handlePush(
        {
          deliveryId: context.id,
          payload: context.payload,
          log: context.log,
          listChangedPaths: (base, head) => {
            const client = octokitGithubClient(context.octokit, { baseUrl: deps.githubApiUrl });
            return changedFiles(client, owner, repo, base, head);
          },
        },
        {
          orm: deps.orm,
          publisher: deps.publisher,
          now,
          compareTimeoutMs: deps.compareTimeoutMs ?? 4_000,
          publishTimeoutMs: deps.publishTimeoutMs ?? 4_000,
        },
      );
    });

    app.on('repository', async (context) => {
      await handleRepositoryEvent(
        { deliveryId: context.id, payload: context.payload, log: context.log },
        { orm: deps.orm, now },
      );
    });

    app.on(['installation', 'installation_repositories'], async (context) => {
      await handleInstallationEvent(
        {
          deliveryId: context.id,
          event: context.name === 'installation' ? 'installation' : 'installation_repositories',
          payload: context.payload,
          log: context.log,
        },
        { orm: deps.orm, now },
      );
    });
  };
}
