/** Where an asset's file lives on GitHub: a repository, a ref and a path inside it. */
export interface ReadmeLocation {
  /** As written in the URL; lower-case it for storage. */
  owner: string;
  /** As written in the URL; lower-case it for storage. */
  repo: string;
  /** A branch, tag or commit SHA; may contain slashes (written `%2F` in a URL). */
  ref: string;
  /** Inside the repository, decoded, without leading or trailing slash. */
  path: string;
}

const EXPECTED =
  'https://github.com/OWNER/REPO/blob/REF/PATH (or /tree/), or ' +
  'https://raw.githubusercontent.com/OWNER/REPO/REF/PATH; a ref with slashes is written ' +
  'with %2F (feature%2Fx)';

/** A readme_url that does not name a file or folder in a GitHub repository. */
export class InvalidReadmeUrlError extends Error {
  readonly url: string;
  readonly reason: string;

  constructor(url: string, reason: string) {
    super(`invalid readme_url '${url}': ${reason}; expected ${EXPECTED}`);
    this.name = 'InvalidReadmeUrlError';
    this.url = url;
    this.reason = reason;
  }
}

// GitHub logins: letters, digits and single inner hyphens, at most 39 characters.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
// Characters git forbids in ref names; ':' also separates ref from path in GraphQL expressions.
const BAD_REF = /[\s~^:?*[\\]|\.\.|@\{|^\/|\/$|\/\/|\.lock$|^-/;
const hasControl = (text: string) =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/**
 * Parses a GitHub blob, tree or raw URL into its repository, ref and path.
 *
 * The ref is always exactly one URL segment, percent-decoded, because a URL alone cannot tell
 * where a slashed branch name ends: `blob/feature%2Fx/README.md` is branch `feature/x`, while
 * `blob/feature/x/README.md` is branch `feature` and path `x/README.md`. A leading
 * `refs/heads/` or `refs/tags/` before the ref is accepted and dropped. Query strings
 * (`?raw=true`) and fragments are ignored.
 *
 * @throws InvalidReadmeUrlError when the URL is empty, on another host, has no path, contains
 *   `.` or `..` segments, or has an invalid owner, repository or ref.
 */
export function parseReadmeUrl(url: string): ReadmeLocation {
  const fail = (reason: string): never => {
    throw new InvalidReadmeUrlError(url, reason);
  };
  const text = typeof url === 'string' ? url.trim() : '';
  if (!text) fail('the URL is empty');

  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return fail('it is not an absolute URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    fail(`protocol '${parsed.protocol}' is not http or https`);
  }

  // The URL parser resolves '.' and '..' (even encoded) away: read the path as written.
  const writtenPath = text.replace(/^[a-z]+:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  const segments = writtenPath.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const host = parsed.hostname.toLowerCase();

  let rest: string[];
  if (host === 'github.com' || host === 'www.github.com') {
    const [, , kind] = segments;
    if (kind !== 'blob' && kind !== 'tree') {
      fail(`a github.com URL needs /blob/ or /tree/ after the repository, found '${kind ?? ''}'`);
    }
    rest = [segments[0], segments[1], ...segments.slice(3)];
  } else if (host === 'raw.githubusercontent.com') {
    rest = segments;
  } else {
    return fail(`host '${parsed.hostname}' is not github.com or raw.githubusercontent.com`);
  }

  const [owner, repo, ...afterRepo] = rest.map((segment) => decodeSegment(segment, fail));
  if (!owner || !OWNER.test(owner)) fail(`'${owner ?? ''}' is not a valid GitHub owner`);
  if (!repo || !REPO.test(repo) || repo === '.' || repo === '..') {
    fail(`'${repo ?? ''}' is not a valid repository name`);
  }

  const refAndPath =
    afterRepo[0] === 'refs' && (afterRepo[1] === 'heads' || afterRepo[1] === 'tags')
      ? afterRepo.slice(2)
      : afterRepo;
  const [ref, ...pathSegments] = refAndPath;
  if (!ref) fail('the ref is missing');
  if (BAD_REF.test(ref) || hasControl(ref)) fail(`'${ref}' is not a valid git ref`);
  if (pathSegments.length === 0) fail('the path inside the repository is missing');
  for (const segment of pathSegments) {
    if (segment === '') fail('the path has an empty segment');
    if (segment === '.' || segment === '..') fail(`the path contains a '${segment}' segment`);
    if (segment.includes('/')) fail('the path contains an encoded slash');
    if (hasControl(segment)) fail('the path contains a control character');
  }

  return { owner, repo, ref, path: pathSegments.join('/') };
}

function decodeSegment(segment: string, fail: (reason: string) => never): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return fail(`'${segment}' is not valid percent-encoding`);
  }
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The github.com blob URL of a location; slashes in the ref are written `%2F`. */
export function toBlobUrl(location: ReadmeLocation): string {
  const { owner, repo, ref, path } = location;
  return `https://github.com/${owner}/${repo}/blob/${encodeURIComponent(ref)}/${encodePath(path)}`;
}

/**
 * The raw.githubusercontent.com URL of a location, as browsers fetch images. A slashed ref is
 * written literally: GitHub's raw host resolves the longest matching branch itself.
 */
export function rawUrl(location: ReadmeLocation): string {
  const { owner, repo, ref, path } = location;
  const host = 'https://raw.githubusercontent.com';
  return `${host}/${owner}/${repo}/${encodePath(ref)}/${encodePath(path)}`;
}
