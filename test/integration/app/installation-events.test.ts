import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../../src/shared/db/entities/index.js';
import { startTestApp, type TestApp } from './support/start-test-app.js';
import { installationPayload } from './support/webhook-examples.js';

describe('installation webhooks', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('app_installation');
  });
  afterAll(async () => {
    await app?.close();
  });

  const row = async (account: string) => {
    const found = await app.db.orm.em.fork().findOne(Installation, { account });
    return found && { installationId: found.installationId, suspended: found.suspended };
  };

  it('saves the account, lower-cased, when the App is installed', async () => {
    const answer = await app.deliver(
      'installation',
      installationPayload('installation', 'created', 'Acme-Academy', 1001),
    );
    expect(answer.status).toBe(200);
    expect(await row('acme-academy')).toEqual({ installationId: 1001, suspended: false });
  });

  it('follows a suspension and its end', async () => {
    await app.deliver(
      'installation',
      installationPayload('installation', 'suspend', 'Acme-Academy', 1001),
    );
    expect(await row('acme-academy')).toEqual({ installationId: 1001, suspended: true });

    await app.deliver(
      'installation',
      installationPayload('installation', 'unsuspend', 'Acme-Academy', 1001),
    );
    expect(await row('acme-academy')).toEqual({ installationId: 1001, suspended: false });
  });

  it('forgets an installation that was deleted', async () => {
    await app.deliver('installation', installationPayload('installation', 'created', 'Leaving', 7));
    expect(await row('leaving')).not.toBeNull();

    await app.deliver('installation', installationPayload('installation', 'deleted', 'Leaving', 7));
    expect(await row('leaving')).toBeNull();
  });

  it('learns an installation made before the app ran from its repository changes', async () => {
    const payload = installationPayload('installation_repositories', 'added', 'Early-Org', 55);
    expect((await app.deliver('installation_repositories', payload)).status).toBe(200);
    expect(await row('early-org')).toEqual({ installationId: 55, suspended: false });
  });
});
