import type { CleanContext, RepoLocation } from '../../src/shared/markdown/clean-types.js';

/** The repository the cleaning tests' README lives in: lessons/intro/README.md at main. */
export const REPO: RepoLocation = {
  owner: 'learn',
  name: 'content',
  ref: 'main',
  path: 'lessons/intro/README.md',
};

/** Raw URL prefix of {@link REPO}'s root. */
export const RAW = 'https://raw.githubusercontent.com/learn/content/main';

/** A cleaning context for {@link REPO} whose title no test heading repeats, unless overridden. */
export function cleanContext(overrides: Partial<CleanContext> = {}): CleanContext {
  return {
    repo: REPO,
    title: 'Nothing repeats this title',
    lang: 'en',
    variables: {},
    ...overrides,
  };
}
