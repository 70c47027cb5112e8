import type { Octokit } from '@octokit/core';
import type {
  GithubClient,
  GithubResponse,
  GraphqlError,
  RequestOptions,
} from '../../src/shared/github/github-client.js';
import { mapGithubError, targetOf } from '../../src/shared/github/map-github-error.js';

/** Options of {@link octokitGithubClient}. */
export interface OctokitGithubClientOptions {
  baseUrl: string;
  /** Retries of a 5xx or network failure per request; default 1 (a webhook answers in 10 s). */
  retries?: number;
}

/**
 * Wraps an event's Octokit (from Probot: authenticated as the App's installation) as the
 * project's {@link GithubClient}. Requests must go through the Octokit itself: its auth hook
 * fetches the installation token from the configured base URL, whereas asking it for a token
 * directly would go to api.github.com whatever the base URL.
 */
export function octokitGithubClient(
  octokit: Pick<Octokit, 'request'>,
  options: OctokitGithubClientOptions,
): GithubClient {
  const retries = options.retries ?? 1;

  async function request<T>(
    route: string,
    params: Record<string, unknown> = {},
    requestOptions: RequestOptions = {},
  ): Promise<GithubResponse<T>> {
    try {
      const response = await octokit.request(route, {
        ...params,
        headers: { ...(params.headers as object), ...requestOptions.headers },
        request: { retries },
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
      }
      return { status: response.status, headers, data: response.data as T };
    } catch (error) {
      throw mapGithubError(error, targetOf(params));
    }
  }

  return {
    key: 'app-installation',
    baseUrl: options.baseUrl,
    request,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await request<{ data: T; errors?: GraphqlError[] }>('POST /graphql', {
        query,
        variables,
      });
      return { data: response.data.data, errors: response.data.errors, cost: 1 };
    },
  };
}
