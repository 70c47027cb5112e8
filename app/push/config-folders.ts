import { CONFIG_FILE_NAMES } from '../../src/shared/model/asset-enums.js';

const README = /^README[^/]*\.md$/i;

/**
 * The folders whose learn.json-like config or README*.md is among `paths`: a config-driven
 * asset in such a folder must be pulled again even though its own file did not change.
 * The repository root is the empty string.
 */
export function configFolders(paths: Iterable<string>): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    for (const name of CONFIG_FILE_NAMES) {
      if (path === name) folders.add('');
      else if (path.endsWith(`/${name}`)) folders.add(path.slice(0, -name.length - 1));
    }
    const slash = path.lastIndexOf('/');
    if (README.test(path.slice(slash + 1))) folders.add(slash < 0 ? '' : path.slice(0, slash));
  }
  return [...folders].sort();
}
