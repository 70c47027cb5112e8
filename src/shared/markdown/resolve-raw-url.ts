import type { RepoLocation } from './clean-types.js';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const IMAGE_FILE = /\.(?:a?png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?)$/i;

/**
 * Whether `target` is a path relative to the README (`./a.png`, `../a.png`, `img/a.png`).
 * Absolute URLs (any scheme, `data:` included), `//host` URLs, `#anchors`, `?queries` and
 * `/`-rooted paths are not: a rooted path may name the publishing site's own files, so it is
 * left for the site to serve rather than guessed into the repository.
 */
export function isRelativePath(target: string): boolean {
  if (target === '') return false;
  const first = target[0];
  if (first === '/' || first === '#' || first === '?' || first === '\\') return false;
  return !SCHEME.test(target);
}

/** Whether the path part of `target` names an image file. */
export function isImagePath(target: string): boolean {
  const cut = target.search(/[?#]/);
  return IMAGE_FILE.test(cut === -1 ? target : target.slice(0, cut));
}

/** Resolves relative targets of one README; see {@link rawUrlResolver}. */
export type RawUrlResolver = (target: string) => { url: string } | { error: string };

/**
 * Prepares, once per README, the resolution of relative targets against the README's folder
 * into raw URLs of the same file in the same repository at the same ref; query and fragment
 * are kept. A path that climbs out of the repository gives an error instead.
 */
export function rawUrlResolver(repo: RepoLocation): RawUrlResolver {
  const folder = repo.path
    .split('/')
    .slice(0, -1)
    .filter((s) => s !== '' && s !== '.');
  const repository = `${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
  const ref = repo.ref.split('/').map(encodeURIComponent).join('/');
  const base = `https://raw.githubusercontent.com/${repository}/${ref}/`;

  return (target) => {
    const cut = target.search(/[?#]/);
    const path = cut === -1 ? target : target.slice(0, cut);
    const suffix = cut === -1 ? '' : target.slice(cut);
    const segments = folder.slice();
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment !== '..') segments.push(segment);
      else if (segments.length > 0) segments.pop();
      else
        return { error: `image path ${target} leaves the repository ${repo.owner}/${repo.name}` };
    }
    const trailing = path.endsWith('/') && segments.length > 0 ? '/' : '';
    return { url: `${base}${segments.join('/')}${trailing}`.replaceAll(' ', '%20') + suffix };
  };
}
