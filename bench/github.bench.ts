import { type FetchRequest, fetchBlobs } from '../src/shared/github/fetch-blobs.js';
import { gitBlobSha } from '../src/shared/github/git-blob-sha.js';
import { createGithubClient } from '../src/shared/github/github-client.js';
import { RateBudgets } from '../src/shared/github/rate-budget.js';
import { startStandin } from '../src/standin/start-standin.js';
import { type BenchResult, median, result } from './support/bench-result.js';

// What reading N lesson files costs against the local GitHub stand-in: GitHub points and
// requests of a warm sweep (nothing changed) and the time of a cold read, each against the
// naive way (one REST contents request per file) measured in the same run.
const FILES = Number(process.env.BENCH_GITHUB_FILES ?? 1000);
const REPOS = 10;
const TOKEN = 'ghp_bench';
const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';
const target = ({ owner, repo, ref, path }: FetchRequest) => ({ owner, repo, ref, path });

export default async function githubBench(): Promise<BenchResult[]> {
  const standin = await startStandin({ budget: 1_000_000 });
  standin.addToken(TOKEN);
  const body = (n: number) =>
    `---\ntitle: Lesson ${n}\n---\n\n# Lesson ${n}\n\n${'text '.repeat(400)}\n`;
  const requests: FetchRequest[] = [];
  for (let n = 0; n < FILES; n++) {
    const repo = `lessons-${n % REPOS}`;
    standin.addFile('bench-org', repo, 'main', `lessons/l${n}.md`, body(n));
    requests.push({
      id: String(n),
      owner: 'bench-org',
      repo,
      ref: 'main',
      path: `lessons/l${n}.md`,
      wantText: true,
    });
  }
  const warm = requests.map((request, n) => ({
    ...request,
    knownSha: gitBlobSha(Buffer.from(body(n))),
  }));
  const client = () =>
    createGithubClient({ baseUrl: standin.url, token: TOKEN, budgets: new RateBudgets() });
  const params = { files: FILES, repositories: REPOS, perQuery: 50 };

  try {
    standin.resetCounters();
    await fetchBlobs(client(), warm);
    const batched = standin.counters(TOKEN);

    standin.resetCounters();
    const naive = client();
    const etags: string[] = [];
    for (const request of requests) {
      const response = await naive.request(CONTENTS, target(request));
      etags.push(response.headers.etag);
    }
    const restPoints = standin.counters(TOKEN).primaryPoints;
    standin.resetCounters();
    for (const [i, request] of requests.entries()) {
      await naive.request(CONTENTS, target(request), {
        headers: { 'if-none-match': etags[i] },
      });
    }
    const conditional = standin.counters(TOKEN);

    const coldBatched = await median(3, async () => {
      const started = performance.now();
      await fetchBlobs(client(), requests);
      return FILES / ((performance.now() - started) / 1000);
    });
    const coldNaive = await median(3, async () => {
      const started = performance.now();
      const raw = client();
      for (const request of requests) {
        await raw.request(CONTENTS, target(request), {
          headers: { accept: 'application/vnd.github.raw+json' },
          bytes: true,
        });
      }
      return FILES / ((performance.now() - started) / 1000);
    });

    return [
      result(
        'warm sweep GitHub points (GraphQL, blob SHA)',
        batched.graphqlPoints + batched.primaryPoints,
        'points',
        { value: restPoints, name: 'one REST contents GET per file' },
        params,
      ),
      result(
        'warm sweep requests (GraphQL, blob SHA)',
        batched.requests,
        'requests',
        { value: conditional.requests, name: 'conditional REST, all 304' },
        params,
      ),
      result(
        'cold read of every file (GraphQL batches)',
        coldBatched,
        'files/s',
        { value: coldNaive, name: 'one REST raw GET per file, serial' },
        params,
      ),
    ];
  } finally {
    await standin.close();
  }
}
