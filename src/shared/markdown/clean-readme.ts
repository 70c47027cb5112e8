import { applyEdits, selectEdits } from './apply-edits.js';
import type { CleanContext, CleanResult, Finding, LocatedFinding } from './clean-types.js';
import { createLineIndex, type LineIndex } from './line-index.js';
import { locateConstructs } from './locate/locate-constructs.js';
import { removeHiddenBlocks } from './remove-hidden-blocks.js';
import { isInside, removeTitleHeading } from './remove-title-heading.js';
import { initRenderer, renderHtml } from './render-html.js';
import { rewriteImagePaths } from './rewrite-image-paths.js';
import { splitFrontMatter } from './split-front-matter.js';
import { substituteVariables } from './substitute-variables.js';

export type { CleanContext, CleanResult, Finding, RepoLocation } from './clean-types.js';

/** Loads what {@link cleanReadme} needs (the HTML renderer). Await it once; it is idempotent. */
export function initCleanReadme(): Promise<void> {
  return initRenderer();
}

/**
 * Cleans a README for publishing, from the raw text as pulled: front matter parsed and kept,
 * relative images made absolute, hide blocks removed, a title H1 removed, content variables
 * substituted, then HTML rendered without the front matter. Every change is located with a
 * Markdown parser, so nothing inside code changes and text outside the changed spans stays
 * byte for byte. Pure: no I/O once {@link initCleanReadme} has resolved.
 */
export function cleanReadme(raw: string, context: CleanContext): CleanResult {
  const lines = createLineIndex(raw);
  const front = splitFrontMatter(raw);
  const constructs = locateConstructs(raw, front.bodyStart, lines);

  const images = rewriteImagePaths(raw, constructs, context);
  const hidden = removeHiddenBlocks(raw, constructs.hideMarkers, lines, front.bodyStart);
  const heading = removeTitleHeading(
    constructs.headings,
    hidden.edits,
    lines,
    context.title,
    front.bodyStart,
  );
  const variables = substituteVariables(constructs.variables, context.variables);

  const removals = heading.edit ? [...hidden.edits, heading.edit] : hidden.edits;
  const edits = selectEdits(removals, [...images.edits, ...variables.edits]);
  const markdown = applyEdits(raw, edits);

  // What was removed is not reported on: its findings no longer describe the published text.
  const visible = (finding: LocatedFinding) => !isInside(finding.offset, removals);
  const findings = [
    ...front.findings,
    ...hidden.findings,
    ...images.findings.filter(visible),
    ...variables.findings.filter(visible),
  ];

  return {
    markdown,
    html: renderHtml(markdown.slice(front.bodyStart)),
    frontMatter: front.data,
    title: heading.title,
    findings: toFindings(findings, lines),
  };
}

function toFindings(located: LocatedFinding[], lines: LineIndex): Finding[] {
  return located
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, ...finding }) => ({ ...finding, ...lines.position(offset) }));
}
