/** Where the README lives on GitHub: the parsed parts of the asset's readme_url. */
export interface RepoLocation {
  owner: string;
  name: string;
  ref: string;
  /** The README's path inside the repository, without a leading slash. */
  path: string;
}

/** What {@link cleanReadme} needs to know about the asset besides its text. */
export interface CleanContext {
  /** The parsed readme_url, or null when the asset has none (relative images stay relative). */
  repo: RepoLocation | null;
  /** The asset's title, or null to take it from a leading H1. */
  title: string | null;
  lang: string;
  /** Content variables already resolved for the asset's language and academy. */
  variables: Record<string, string>;
}

/** Something the cleaner noticed; an `error` means the cleaned text must not be published. */
export interface Finding {
  severity: 'warning' | 'error';
  rule: FindingRule;
  message: string;
  /** 1-based line of the raw README. */
  line: number;
  /** 1-based column (UTF-16 units) on that line. */
  column: number;
}

export type FindingRule =
  | 'front-matter'
  | 'image-path'
  | 'image-without-repository'
  | 'hide-unpaired'
  | 'variable-unknown';

/** The outcome of {@link cleanReadme}. */
export interface CleanResult {
  /** The cleaned Markdown, front matter kept as written. */
  markdown: string;
  /** The cleaned Markdown rendered to HTML, front matter left out. */
  html: string;
  /** The parsed front matter, or null when there is none or it is invalid. */
  frontMatter: Record<string, unknown> | null;
  /** The title to store: the context's, or the leading H1's when the context had none. */
  title: string | null;
  /** Ordered by position in the raw text. */
  findings: Finding[];
}

/** Replace raw[start, end) with `text`. Offsets are UTF-16 indexes into the raw README. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A finding located by offset, before it is turned into a line and column. */
export interface LocatedFinding {
  severity: Finding['severity'];
  rule: FindingRule;
  message: string;
  offset: number;
}
