import { createLineIndex } from '../../shared/markdown/line-index.js';
import { splitFrontMatter } from '../../shared/markdown/split-front-matter.js';
import { AssetProblem } from '../asset-problem.js';

/**
 * The YAML front matter of a Markdown file as an object; empty when there is none.
 *
 * @throws AssetProblem ('bad-front-matter') with the parser's message and the file's line.
 */
export function readFrontMatter(markdown: string): Record<string, unknown> {
  const split = splitFrontMatter(markdown);
  const finding = split.findings.find((candidate) => candidate.severity === 'error');
  if (finding) {
    const line = createLineIndex(markdown).lineOf(finding.offset);
    const message = finding.message.charAt(0).toUpperCase() + finding.message.slice(1);
    throw new AssetProblem('bad-front-matter', `${message} (line ${line})`);
  }
  return split.data ?? {};
}
