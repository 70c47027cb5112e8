import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('the committed Action bundle', () => {
  let dir: string;
  let rebuilt: string;

  const build = async (name: string) => {
    const outfile = join(dir, name, 'index.js');
    await promisify(execFile)(process.execPath, ['action/build.mjs', outfile], { cwd: ROOT });
    return readFile(outfile, 'utf8');
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rs-action-build-'));
    rebuilt = await build('first');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is what the build makes of the current source (run `npm run build:action`)', async () => {
    const committed = await readFile(join(ROOT, 'action/dist/index.js'), 'utf8');
    // Not toBe: a diff of two 3 MB strings helps nobody.
    expect(rebuilt.length).toBe(committed.length);
    expect(rebuilt === committed).toBe(true);
    expect(await readFile(join(ROOT, 'action/dist/package.json'), 'utf8')).toBe(
      await readFile(join(dir, 'first', 'package.json'), 'utf8'),
    );
  });

  it('comes out the same from a second build, with no local paths inside', async () => {
    expect((await build('second')) === rebuilt).toBe(true);
    expect(rebuilt).not.toContain(ROOT);
  });
});
