import type { GithubClient } from './github-client.js';

interface ComparePage {
  files?: { filename: string; status: string; previous_filename?: string }[];
}

const PER_PAGE = 100;
// A guard against following `next` links forever; far above the 3,000 files GitHub lists.
const MAX_PAGES = 100;

/**
 * Lists every path a range of commits touched, following the pages of
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`. A renamed file yields both its old and
 * its new path, since assets may point at either. Paths come once each, in GitHub's order.
 *
 * @throws GithubError when a page cannot be read (not-found for an unknown commit).
 */
export async function listChangedFiles(
  client: GithubClient,
  owner: string,
  repo: string,
  base: string,
  head: string,
): Promise<string[]> {
  const paths = new Set<string>();
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const response = await client.request<ComparePage>(
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      { owner, repo, basehead: `${base}...${head}`, per_page: PER_PAGE, page },
    );
    for (const file of response.data.files ?? []) {
      if (file.previous_filename) paths.add(file.previous_filename);
      paths.add(file.filename);
    }
    if (!/rel="next"/.test(response.headers.link ?? '')) break;
  }
  return [...paths];
}
