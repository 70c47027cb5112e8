import { parseDocument } from 'yaml';
import type { LocatedFinding } from './clean-types.js';

/** Front matter larger than this is refused rather than parsed. */
export const FRONT_MATTER_MAX_CHARS = 64 * 1024;
/** YAML aliases expanded at most this many times (a few lines can otherwise expand to GBs). */
export const FRONT_MATTER_MAX_ALIASES = 100;

/** Where the Markdown body starts and what the front matter before it says. */
export interface FrontMatterSplit {
  /**
   * Offset of the first character after the closing delimiter line; without front matter, 0
   * (or 1 after a byte order mark, which Markdown parsers would otherwise read as text).
   */
  bodyStart: number;
  /** Number of lines the front matter takes, delimiters included. */
  lines: number;
  /** The parsed mapping; null without front matter or when it is invalid. */
  data: Record<string, unknown> | null;
  findings: LocatedFinding[];
}

const OPENING = /^(?:\uFEFF)?---[ \t]*(?:\r\n|\n|\r)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/gm;

/**
 * Finds YAML front matter: only a `---` on the very first line opens it, and a `---` or `...`
 * line closes it. Without a closing line there is no front matter (the `---` is a rule).
 */
export function splitFrontMatter(raw: string): FrontMatterSplit {
  const opening = OPENING.exec(raw);
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const none: FrontMatterSplit = { bodyStart: bom, lines: 0, data: null, findings: [] };
  if (!opening) return none;

  const contentStart = opening[0].length;
  CLOSING.lastIndex = contentStart;
  const closing = CLOSING.exec(raw);
  if (!closing) return none;

  const bodyStart = closing.index + closing[0].length;
  const content = raw.slice(contentStart, closing.index);
  const lines = countLines(raw, bodyStart);
  const parsed = parseFrontMatter(content, contentStart);
  return { bodyStart, lines, ...parsed };
}

/**
 * Parses front matter text with alias and size limits. `offset` is where `content` starts in
 * the README, so findings point at the README's own lines.
 */
export function parseFrontMatter(
  content: string,
  offset = 0,
): { data: Record<string, unknown> | null; findings: LocatedFinding[] } {
  const fail = (message: string, at = offset) => ({
    data: null,
    findings: [{ severity: 'error' as const, rule: 'front-matter' as const, message, offset: at }],
  });
  if (content.length > FRONT_MATTER_MAX_CHARS) {
    return fail(`front matter is larger than ${FRONT_MATTER_MAX_CHARS / 1024} KB`);
  }

  const document = parseDocument(content, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) return fail(`front matter is not valid YAML: ${error.message}`, offset + error.pos[0]);

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: FRONT_MATTER_MAX_ALIASES });
  } catch (cause) {
    return fail(`front matter cannot be read: ${(cause as Error).message}`);
  }
  if (value === null || value === undefined) return { data: {}, findings: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return fail(`front matter must be a YAML mapping (key: value lines), not ${kind}`);
  }
  return { data: value as Record<string, unknown>, findings: [] };
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}
