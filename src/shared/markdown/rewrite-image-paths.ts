import type { CleanContext, Edit, LocatedFinding } from './clean-types.js';
import type { Constructs, Destination } from './locate/constructs.js';
import { isImagePath, isRelativePath, rawUrlResolver } from './resolve-raw-url.js';
import { substituteInText } from './substitute-variables.js';

/**
 * Turns relative image paths into raw URLs of the README's repository at its ref: every
 * Markdown and HTML image, and links and reference definitions that point at an image file
 * (or, for a definition, that an image uses). Each occurrence is one edit of its own span.
 */
export function rewriteImagePaths(
  raw: string,
  constructs: Constructs,
  context: Pick<CleanContext, 'repo' | 'variables'>,
): { edits: Edit[]; findings: LocatedFinding[] } {
  const edits: Edit[] = [];
  const findings: LocatedFinding[] = [];
  const resolve = context.repo ? rawUrlResolver(context.repo) : null;
  for (const destination of constructs.destinations) {
    const written = raw.slice(destination.start, destination.end);
    const target = written.includes('{%') ? substituteInText(written, context.variables) : written;
    if (!isRelativePath(target) || !isImageTarget(destination, target, constructs.imageLabels)) {
      continue;
    }
    if (!resolve) {
      findings.push({
        severity: 'warning',
        rule: 'image-without-repository',
        message: `relative image ${written} is left as written: the asset has no readme_url`,
        offset: destination.start,
      });
      continue;
    }
    const resolved = resolve(target);
    if ('error' in resolved) {
      findings.push({
        severity: 'error',
        rule: 'image-path',
        message: resolved.error,
        offset: destination.start,
      });
    } else {
      edits.push({ start: destination.start, end: destination.end, text: resolved.url });
    }
  }
  return { edits, findings };
}

function isImageTarget(destination: Destination, target: string, imageLabels: Set<string>) {
  switch (destination.kind) {
    case 'image':
    case 'html-image':
      return true;
    case 'definition':
      return isImagePath(target) || imageLabels.has(destination.label ?? '');
    default:
      return isImagePath(target);
  }
}
