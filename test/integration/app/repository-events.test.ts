import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Asset } from '../../../src/shared/db/entities/index.js';
import { seedRepoAssets } from './support/seed-repo-assets.js';
import { startTestApp, type TestApp } from './support/start-test-app.js';
import { repositoryPayload } from './support/webhook-examples.js';

describe('repository webhooks', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('app_repository');
    await seedRepoAssets(app.db.orm.em.fork(), [
      { slug: 'blob', type: 'LESSON', url: 'https://github.com/Octo-Org/Old-Name/blob/main/a.md' },
      {
        slug: 'raw',
        type: 'LESSON',
        url: 'https://raw.githubusercontent.com/octo-org/old-name/feature%2Fx/docs/b.md',
      },
      { slug: 'tree', type: 'PROJECT', url: 'https://github.com/Octo-Org/Old-Name/tree/main/p' },
      { slug: 'other', type: 'LESSON', url: 'https://github.com/Octo-Org/Keep/blob/main/a.md' },
      { slug: 'moved', type: 'LESSON', url: 'https://github.com/old-owner/Moving/blob/main/m.md' },
      { slug: 'gone-1', type: 'LESSON', url: 'https://github.com/Octo-Org/Gone/blob/main/1.md' },
      { slug: 'gone-2', type: 'QUIZ', url: 'https://github.com/Octo-Org/Gone/blob/main/2.json' },
      { slug: 'frozen', type: 'LESSON', url: 'https://github.com/Octo-Org/Frozen/blob/main/f.md' },
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  const read = async (...slugs: string[]) => {
    const assets = await app.db.orm.em
      .fork()
      .find(Asset, { slug: slugs }, { orderBy: { slug: 1 } });
    return assets.map((asset) => ({
      slug: asset.slug,
      readmeUrl: asset.readmeUrl,
      repoOwner: asset.repoOwner,
      repoName: asset.repoName,
      repoRef: asset.repoRef,
      repoPath: asset.repoPath,
      syncStatus: asset.syncStatus,
      statusText: asset.statusText,
    }));
  };
  const rename = (from: string, to: string) =>
    repositoryPayload('renamed', 'Octo-Org', to, { repository: { name: { from } } });

  it('rewrites the URLs and columns of a renamed repository, keeping their form', async () => {
    const answer = await app.deliver('repository', rename('Old-Name', 'New-Name'));

    expect(answer.status).toBe(200);
    expect(await read('blob', 'other', 'raw', 'tree')).toEqual([
      expect.objectContaining({
        slug: 'blob',
        readmeUrl: 'https://github.com/Octo-Org/New-Name/blob/main/a.md',
        repoOwner: 'octo-org',
        repoName: 'new-name',
        repoRef: 'main',
        repoPath: 'a.md',
      }),
      expect.objectContaining({
        slug: 'other',
        readmeUrl: 'https://github.com/Octo-Org/Keep/blob/main/a.md',
        repoName: 'keep',
      }),
      expect.objectContaining({
        slug: 'raw',
        readmeUrl: 'https://raw.githubusercontent.com/Octo-Org/New-Name/feature%2Fx/docs/b.md',
        repoName: 'new-name',
        repoRef: 'feature/x',
        repoPath: 'docs/b.md',
      }),
      expect.objectContaining({
        slug: 'tree',
        readmeUrl: 'https://github.com/Octo-Org/New-Name/tree/main/p',
        repoName: 'new-name',
      }),
    ]);
  });

  it('ignores a redelivered rename that an later rename has overtaken', async () => {
    const first = randomUUID();
    await app.deliver('repository', rename('New-Name', 'Newer-Name'), { id: first });
    await app.deliver('repository', rename('Newer-Name', 'New-Name'));
    const again = await app.deliver('repository', rename('New-Name', 'Newer-Name'), { id: first });

    expect(again.status).toBe(200);
    expect(await read('blob')).toEqual([
      expect.objectContaining({ readmeUrl: 'https://github.com/Octo-Org/New-Name/blob/main/a.md' }),
    ]);
  });

  it('moves the assets of a transferred repository to the new owner', async () => {
    const payload = repositoryPayload('transferred', 'New-Owner', 'Moving', {
      owner: { from: { user: { login: 'old-owner' } } },
    });
    expect((await app.deliver('repository', payload)).status).toBe(200);

    expect(await read('moved')).toEqual([
      expect.objectContaining({
        readmeUrl: 'https://github.com/New-Owner/Moving/blob/main/m.md',
        repoOwner: 'new-owner',
        repoName: 'moving',
      }),
    ]);
  });

  it('marks the assets of a deleted repository as failed without deleting them', async () => {
    expect(
      (await app.deliver('repository', repositoryPayload('deleted', 'Octo-Org', 'Gone'))).status,
    ).toBe(200);

    expect(await read('gone-1', 'gone-2')).toEqual(
      ['gone-1', 'gone-2'].map((slug) =>
        expect.objectContaining({
          slug,
          syncStatus: 'ERROR',
          statusText: 'Repository Octo-Org/Gone was deleted on GitHub',
        }),
      ),
    );
  });

  it('pauses the assets of an archived repository and resumes them when unarchived', async () => {
    await app.deliver('repository', repositoryPayload('archived', 'Octo-Org', 'Frozen'));
    expect(await read('frozen')).toEqual([
      expect.objectContaining({
        syncStatus: 'ERROR',
        statusText: 'Repository Octo-Org/Frozen is archived on GitHub: pulls are paused',
      }),
    ]);

    await app.deliver('repository', repositoryPayload('unarchived', 'Octo-Org', 'Frozen'));
    expect(await read('frozen')).toEqual([
      expect.objectContaining({
        syncStatus: 'PENDING',
        statusText: 'Repository Octo-Org/Frozen was unarchived: waiting for the next pull',
      }),
    ]);
  });

  it('accepts actions it does not act on without changing any asset', async () => {
    const before = await read('other');
    const answer = await app.deliver(
      'repository',
      repositoryPayload('publicized', 'Octo-Org', 'Keep'),
    );
    expect(answer.status).toBe(200);
    expect(await read('other')).toEqual(before);
  });
});
