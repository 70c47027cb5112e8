import { describe, expect, it } from 'vitest';
import {
  InvalidReadmeUrlError,
  parseReadmeUrl,
  rawUrl,
  toBlobUrl,
} from '../../../src/shared/github/parse-readme-url.js';

describe('parseReadmeUrl', () => {
  it.each([
    [
      'a github.com blob URL',
      'https://github.com/learn-academy/lessons/blob/main/python/intro.md',
      { owner: 'learn-academy', repo: 'lessons', ref: 'main', path: 'python/intro.md' },
    ],
    [
      'a tree URL naming a folder, with a trailing slash',
      'https://github.com/learn-academy/projects/tree/main/todo-list/',
      { owner: 'learn-academy', repo: 'projects', ref: 'main', path: 'todo-list' },
    ],
    [
      'a www.github.com URL over http',
      'http://www.github.com/Acme/Docs/blob/master/README.md',
      { owner: 'Acme', repo: 'Docs', ref: 'master', path: 'README.md' },
    ],
    [
      'a raw.githubusercontent.com URL',
      'https://raw.githubusercontent.com/acme/docs/main/guides/setup.md',
      { owner: 'acme', repo: 'docs', ref: 'main', path: 'guides/setup.md' },
    ],
    [
      'a raw URL with refs/heads/',
      'https://raw.githubusercontent.com/acme/docs/refs/heads/develop/a/b.md',
      { owner: 'acme', repo: 'docs', ref: 'develop', path: 'a/b.md' },
    ],
    [
      'a blob URL with refs/tags/',
      'https://github.com/acme/docs/blob/refs/tags/v2.0/README.md',
      { owner: 'acme', repo: 'docs', ref: 'v2.0', path: 'README.md' },
    ],
    [
      'a ref with dots',
      'https://github.com/acme/docs/blob/release-1.2.3/README.md',
      { owner: 'acme', repo: 'docs', ref: 'release-1.2.3', path: 'README.md' },
    ],
    [
      'a repository with dots, underscores and dashes',
      'https://github.com/acme/acme.github.io_site-x/blob/main/index.md',
      { owner: 'acme', repo: 'acme.github.io_site-x', ref: 'main', path: 'index.md' },
    ],
    [
      'a percent-encoded path',
      'https://github.com/acme/docs/blob/main/my%20lessons/caf%C3%A9.md',
      { owner: 'acme', repo: 'docs', ref: 'main', path: 'my lessons/café.md' },
    ],
    [
      'a commit SHA as ref',
      `https://github.com/acme/docs/blob/${'a1'.repeat(20)}/README.md`,
      { owner: 'acme', repo: 'docs', ref: 'a1'.repeat(20), path: 'README.md' },
    ],
    [
      'a URL with ?raw=true and a fragment',
      'https://github.com/acme/docs/blob/main/README.md?raw=true#installation',
      { owner: 'acme', repo: 'docs', ref: 'main', path: 'README.md' },
    ],
    [
      'a URL with surrounding spaces',
      '  https://github.com/acme/docs/blob/main/README.md\n',
      { owner: 'acme', repo: 'docs', ref: 'main', path: 'README.md' },
    ],
  ])('reads %s', (_, url, expected) => {
    expect(parseReadmeUrl(url)).toEqual(expected);
  });

  describe('refs with slashes', () => {
    it('reads a slashed ref written with %2F as one ref', () => {
      const url = 'https://github.com/acme/docs/blob/feature%2Fnew-intro/lessons/a.md';
      expect(parseReadmeUrl(url)).toMatchObject({ ref: 'feature/new-intro', path: 'lessons/a.md' });
    });

    it('takes the first segment as the ref when the slash is literal', () => {
      const url = 'https://github.com/acme/docs/blob/feature/new-intro/lessons/a.md';
      expect(parseReadmeUrl(url)).toMatchObject({
        ref: 'feature',
        path: 'new-intro/lessons/a.md',
      });
    });

    it('takes the segment after refs/heads/ as the ref, even with more segments after', () => {
      const url = 'https://raw.githubusercontent.com/acme/docs/refs/heads/feature/x/a.md';
      expect(parseReadmeUrl(url)).toMatchObject({ ref: 'feature', path: 'x/a.md' });
    });
  });

  it.each([
    ['an empty string', '', 'the URL is empty'],
    ['a relative path', 'lessons/intro.md', 'not an absolute URL'],
    ['another host', 'https://gitlab.com/acme/docs/-/blob/main/README.md', "host 'gitlab.com'"],
    ['an ftp URL', 'ftp://github.com/acme/docs/blob/main/README.md', 'protocol'],
    ['a repository page', 'https://github.com/acme/docs', 'needs /blob/ or /tree/'],
    ['a commits page', 'https://github.com/acme/docs/commits/main/README.md', 'needs /blob/'],
    ['a blob URL without a path', 'https://github.com/acme/docs/blob/main', 'path'],
    ['a blob URL without a ref', 'https://github.com/acme/docs/blob/', 'ref is missing'],
    ['a raw URL without a path', 'https://raw.githubusercontent.com/acme/docs/main', 'path'],
    ['a literal .. segment', 'https://github.com/acme/docs/blob/main/a/../secret.md', "'..'"],
    ['a .. segment', 'https://github.com/acme/docs/blob/main/a/%2E%2E/secret.md', "'..'"],
    ['a . segment', 'https://raw.githubusercontent.com/acme/docs/main/a/%2E/b.md', "'.'"],
    ['an empty segment', 'https://github.com/acme/docs/blob/main/a//b.md', 'empty segment'],
    ['an encoded slash in the path', 'https://github.com/acme/docs/blob/main/a%2Fb.md', 'slash'],
    ['bad percent-encoding', 'https://github.com/acme/docs/blob/main/a%zz.md', 'percent'],
    ['an invalid owner', 'https://github.com/-acme/docs/blob/main/README.md', 'owner'],
    ['an invalid repository', 'https://github.com/acme/do%20cs/blob/main/README.md', 'repository'],
    ['a ref with ..', 'https://github.com/acme/docs/blob/a..b/README.md', 'git ref'],
    ['a ref with a colon', 'https://github.com/acme/docs/blob/a%3Ab/README.md', 'git ref'],
  ])('rejects %s', (_, url, reason) => {
    const error = captureError(() => parseReadmeUrl(url));
    expect(error).toBeInstanceOf(InvalidReadmeUrlError);
    expect(error.url).toBe(url);
    expect(error.message).toContain(reason);
    expect(error.message).toContain('expected https://github.com/OWNER/REPO/blob/REF/PATH');
  });

  it('rejects a value that is not a string', () => {
    expect(() => parseReadmeUrl(undefined as unknown as string)).toThrow(InvalidReadmeUrlError);
  });
});

describe('toBlobUrl and rawUrl', () => {
  const location = { owner: 'acme', repo: 'docs', ref: 'feature/x', path: 'my lessons/a.md' };

  it('writes a blob URL that parses back to the same location', () => {
    const url = toBlobUrl(location);
    expect(url).toBe('https://github.com/acme/docs/blob/feature%2Fx/my%20lessons/a.md');
    expect(parseReadmeUrl(url)).toEqual(location);
  });

  it('writes a raw URL with the ref as GitHub resolves it', () => {
    expect(rawUrl(location)).toBe(
      'https://raw.githubusercontent.com/acme/docs/feature/x/my%20lessons/a.md',
    );
  });

  it('round-trips a raw URL of a plain ref', () => {
    const plain = { owner: 'acme', repo: 'docs', ref: 'v1.0', path: 'a/b.md' };
    expect(parseReadmeUrl(rawUrl(plain))).toEqual(plain);
  });
});

function captureError(run: () => unknown): InvalidReadmeUrlError {
  try {
    run();
  } catch (error) {
    return error as InvalidReadmeUrlError;
  }
  throw new Error('expected an error');
}
