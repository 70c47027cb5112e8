import { Parser } from 'commonmark';
import { mdToHtml } from 'md4w';
import { cleanReadme, initCleanReadme } from '../src/shared/markdown/clean-readme.js';
import type { CleanContext } from '../src/shared/markdown/clean-types.js';
import { parseBlocks } from '../src/shared/markdown/locate/parse-blocks.js';
import { GFM_FLAGS } from '../src/shared/markdown/render-html.js';
import { splitFrontMatter } from '../src/shared/markdown/split-front-matter.js';
import { type BenchResult, median, result } from './support/bench-result.js';
import { generateReadme } from './support/generate-readme.js';

const RUNS = 5;
const CONTEXT: CleanContext = {
  repo: { owner: 'learn', name: 'content', ref: 'main', path: 'src/content/lesson/README.md' },
  title: null,
  lang: 'en',
  variables: { api_url: 'https://api.example.com', academy: 'Example Academy' },
};
const GFM = GFM_FLAGS;

/**
 * MB/s of each of `works` over `texts`: each work runs for about `slotMs` in turn, RUNS times
 * round-robin, so a change of machine load touches every figure alike; medians are returned.
 */
async function throughputs(
  texts: string[],
  works: Array<(text: string) => unknown>,
  slotMs = 300,
): Promise<number[]> {
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  const figures: number[][] = works.map(() => []);
  const slot = (work: (text: string) => unknown) => {
    const started = performance.now();
    let rounds = 0;
    do {
      for (const text of texts) work(text);
      rounds++;
    } while (performance.now() - started < slotMs);
    return (megabytes * rounds) / ((performance.now() - started) / 1000);
  };
  for (const work of works) slot(work);
  for (let run = 0; run < RUNS; run++) {
    for (const [i, work] of works.entries()) figures[i].push(slot(work));
  }
  return Promise.all(figures.map((runs) => median(runs.length, () => runs.shift()!)));
}

/**
 * Cleaning throughput (locate, rewrite and render together) on a ~100 KB README, its CRLF
 * variant and a corpus of small READMEs, against the bare parsers measured in the same run.
 */
export default async function cleanBench(): Promise<BenchResult[]> {
  await initCleanReadme();
  const large = [generateReadme({ seed: 1, size: 100_000 })];
  const largeCrlf = [generateReadme({ seed: 1, size: 100_000, crlf: true })];
  const corpus = Array.from({ length: 300 }, (_, i) =>
    generateReadme({ seed: i + 2, size: 1_500 + ((i * 7919) % 12_000), crlf: i % 10 === 0 }),
  );
  const commonmark = new Parser();
  const results: BenchResult[] = [];

  for (const [label, texts] of [
    ['100 KB README', large],
    ['100 KB README, CRLF', largeCrlf],
    [`corpus of ${corpus.length} READMEs`, corpus],
  ] as Array<[string, string[]]>) {
    const params = {
      documents: texts.length,
      bytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    };
    const [clean, render, blocks, full, frontMatter] = await throughputs(texts, [
      (text) => cleanReadme(text, CONTEXT),
      (text) => mdToHtml(text, { parseFlags: GFM }),
      (text) => parseBlocks(text),
      (text) => commonmark.parse(text),
      (text) => splitFrontMatter(text),
    ]);
    const baseline = { value: render, name: 'md4w render alone' };
    results.push(
      result(`clean: ${label}`, clean, 'MB/s', baseline, params),
      result(`md4w render: ${label}`, render, 'MB/s', null, params),
      result(`commonmark.js block parse (as used): ${label}`, blocks, 'MB/s', baseline, params),
      result(`commonmark.js full parse: ${label}`, full, 'MB/s', baseline, params),
      // README bytes per second through the front matter step alone (the yaml package).
      result(`front matter (yaml): ${label}`, frontMatter, 'MB/s', baseline, params),
    );
  }
  return results;
}
