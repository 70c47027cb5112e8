import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { resolveChangedPaths } from '../../../../app/push/resolve-changed-paths.js';

const log = pino({ level: 'silent' });
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const options = { timeoutMs: 200, log };
const notCalled = async (): Promise<string[]> => {
  throw new Error('compare must not be called');
};
const cut = Array.from({ length: 3000 }, (_, i) => `f${i}.md`);

describe('resolveChangedPaths', () => {
  it('takes the paths from the payload when it cannot be truncated', async () => {
    const change = {
      before: SHA_A,
      after: SHA_B,
      created: false,
      commits: [{ modified: ['x.md'] }],
    };
    expect(await resolveChangedPaths(change, notCalled, options)).toEqual({
      kind: 'paths',
      paths: ['x.md'],
      compared: false,
    });
  });

  it('adds the compare API paths when the payload may be truncated', async () => {
    const asked: string[] = [];
    const change = { before: SHA_A, after: SHA_B, created: false, commits: [{ added: cut }] };
    const result = await resolveChangedPaths(
      change,
      async (base, head) => {
        asked.push(`${base}...${head}`);
        return ['late/README.md', 'f1.md'];
      },
      options,
    );
    expect(asked).toEqual([`${SHA_A}...${SHA_B}`]);
    expect(result).toMatchObject({ kind: 'paths', compared: true });
    expect(result.kind === 'paths' && result.paths.length).toBe(3001);
    expect(result.kind === 'paths' && result.paths).toContain('late/README.md');
  });

  it('answers every asset when the compare API fails', async () => {
    const change = { before: SHA_A, after: SHA_B, created: false, commits: [{ added: cut }] };
    const failing = async (): Promise<string[]> => {
      throw new Error('502 Bad Gateway');
    };
    expect(await resolveChangedPaths(change, failing, options)).toEqual({
      kind: 'all',
      reason: 'compare failed',
    });
  });

  it('answers every asset when the compare API does not answer in time', async () => {
    const change = { before: SHA_A, after: SHA_B, created: false, commits: [{ added: cut }] };
    const hanging = () => new Promise<string[]>(() => {});
    expect(await resolveChangedPaths(change, hanging, options)).toMatchObject({ kind: 'all' });
  });

  it('answers every asset of a new branch, which has no base to compare with', async () => {
    const change = { before: '0'.repeat(40), after: SHA_B, created: true, commits: [] };
    expect(await resolveChangedPaths(change, notCalled, options)).toMatchObject({ kind: 'all' });
  });
});
