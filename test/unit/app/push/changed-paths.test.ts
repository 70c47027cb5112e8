import { describe, expect, it } from 'vitest';
import { changedPaths } from '../../../../app/push/changed-paths.js';

describe('changedPaths', () => {
  it('unites added, modified and removed over every commit, once each', () => {
    const result = changedPaths([
      { added: ['b.md'], modified: ['a.md'], removed: [] },
      { added: [], modified: ['a.md', 'c/README.md'], removed: ['old.md'] },
    ]);
    expect(result).toEqual({
      paths: ['a.md', 'b.md', 'c/README.md', 'old.md'],
      mayBeTruncated: false,
    });
  });

  it('tolerates commits that leave a list out', () => {
    expect(changedPaths([{ modified: ['x.md'] }]).paths).toEqual(['x.md']);
  });

  it('flags a payload of 2,048 commits as possibly truncated', () => {
    const commits = Array.from({ length: 2048 }, (_, i) => ({ modified: [`f${i}.md`] }));
    expect(changedPaths(commits).mayBeTruncated).toBe(true);
    expect(changedPaths(commits.slice(1)).mayBeTruncated).toBe(false);
  });

  it('flags a commit listing 3,000 paths in one list as possibly truncated', () => {
    const added = Array.from({ length: 3000 }, (_, i) => `f${i}.md`);
    expect(changedPaths([{ added }]).mayBeTruncated).toBe(true);
    expect(changedPaths([{ added: added.slice(1) }]).mayBeTruncated).toBe(false);
  });
});
