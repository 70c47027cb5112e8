import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../../src/shared/config/load-config.js';
import { readAppSettings } from '../../../../src/shared/config/read-app-settings.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

const settings = (env: NodeJS.ProcessEnv, readFile?: (path: string) => string) =>
  readAppSettings(loadConfig(env), readFile);

const problems = (env: NodeJS.ProcessEnv, readFile?: (path: string) => string) => {
  try {
    settings(env, readFile);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('readAppSettings', () => {
  it('reads APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, PORT and GITHUB_API_URL', () => {
    const read = settings({
      APP_ID: '42',
      PRIVATE_KEY: PEM,
      WEBHOOK_SECRET: 's3cret',
      PORT: '8080',
      GITHUB_API_URL: 'http://127.0.0.1:9',
    });
    expect(read).toEqual({
      appId: 42,
      privateKey: PEM.trim(),
      webhookSecret: 's3cret',
      port: 8080,
      githubApiUrl: 'http://127.0.0.1:9',
    });
  });

  it('accepts a key written with \\n escapes or base64-encoded, as Probot does', () => {
    const base = { APP_ID: '1', WEBHOOK_SECRET: 's' };
    const escaped = settings({ ...base, PRIVATE_KEY: PEM.replace(/\n/g, '\\n') });
    const encoded = settings({ ...base, PRIVATE_KEY: Buffer.from(PEM).toString('base64') });
    expect(escaped.privateKey).toBe(PEM.trim());
    expect(encoded.privateKey).toBe(PEM.trim());
  });

  it('reads the key from PRIVATE_KEY_PATH', () => {
    const read = settings({ APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/k.pem' }, (p) =>
      p === '/k.pem' ? PEM : '',
    );
    expect(read.privateKey).toBe(PEM.trim());
  });

  it('names every missing setting on a line of its own', () => {
    expect(problems({})).toEqual([
      expect.stringMatching(/^APP_ID: missing/),
      expect.stringMatching(/^PRIVATE_KEY: missing/),
      expect.stringMatching(/^WEBHOOK_SECRET: missing/),
    ]);
  });

  it('rejects an APP_ID that is not a positive number', () => {
    expect(problems({ APP_ID: 'abc', PRIVATE_KEY: PEM, WEBHOOK_SECRET: 's' })).toEqual([
      "APP_ID: 'abc' is not a positive whole number",
    ]);
  });

  it('rejects a PRIVATE_KEY that is not a PEM', () => {
    expect(problems({ APP_ID: '1', PRIVATE_KEY: 'hunter2', WEBHOOK_SECRET: 's' })).toEqual([
      expect.stringMatching(/^PRIVATE_KEY: is not a PEM private key/),
    ]);
  });

  it('rejects a PEM whose body is damaged, without printing the key', () => {
    const damaged = PEM.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!');
    const lines = problems({ APP_ID: '1', PRIVATE_KEY: damaged, WEBHOOK_SECRET: 's' });
    expect(lines).toEqual([expect.stringMatching(/^PRIVATE_KEY: holds a PEM private key that/)]);
    expect(lines[0]).not.toContain('BEGIN');
  });

  it('says when PRIVATE_KEY_PATH cannot be read, naming the path', () => {
    const lines = problems(
      { APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/no.pem' },
      () => {
        throw new Error('ENOENT: no such file or directory');
      },
    );
    expect(lines).toEqual([
      "PRIVATE_KEY_PATH: cannot read '/no.pem': ENOENT: no such file or directory",
    ]);
  });

  it('says when the file at PRIVATE_KEY_PATH is not a PEM', () => {
    const lines = problems(
      { APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/k.txt' },
      () => 'not a key',
    );
    expect(lines).toEqual([expect.stringMatching(/^PRIVATE_KEY_PATH: '\/k.txt' is not a PEM/)]);
  });
});
