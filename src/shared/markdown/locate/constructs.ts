/**
 * How a destination was written, which decides whether it is rewritten: images always, links
 * and definitions only when they point at an image file (or, for a definition, when an image
 * uses it).
 */
export type DestinationKind = 'image' | 'link' | 'definition' | 'html-image' | 'html-link';

/** A URL as written in the source: raw[start, end) (inside angle brackets or quotes). */
export interface Destination {
  kind: DestinationKind;
  start: number;
  end: number;
  /** Normalised label, for reference definitions. */
  label?: string;
}

/** A `<!-- hide -->` or `<!-- endhide -->` comment outside code. */
export interface HideMarker {
  start: number;
  end: number;
  closing: boolean;
}

/** A heading block, with the lines it takes in the raw text. */
export interface HeadingBlock {
  level: number;
  /** Directly in the document, not inside a list or quote. */
  topLevel: boolean;
  /** Line (1-based, raw text) of the first heading line, and of the last (the underline). */
  firstLine: number;
  lastLine: number;
  /** The heading's inline content as written, markers and underline removed. */
  content: string;
}

/** A `{% name %}` or `{% name:fallback %}` outside code. */
export interface VariableUse {
  start: number;
  end: number;
  name: string;
  fallback: string | null;
}

/** Everything the cleaning steps may change, found in one pass over the README. */
export interface Constructs {
  destinations: Destination[];
  /** Normalised labels that image references (`![alt][label]`, `![label]`) use. */
  imageLabels: Set<string>;
  /** Normalised labels that link references use. */
  linkLabels: Set<string>;
  hideMarkers: HideMarker[];
  headings: HeadingBlock[];
  variables: VariableUse[];
}

/** An empty collector. */
export function emptyConstructs(): Constructs {
  return {
    destinations: [],
    imageLabels: new Set(),
    linkLabels: new Set(),
    hideMarkers: [],
    headings: [],
    variables: [],
  };
}

/** Normalises a link label the way CommonMark matches them: case and inner spacing ignored. */
export function normalizeLabel(label: string): string {
  return label
    .trim()
    .replace(/[ \t\r\n]+/g, ' ')
    .toLowerCase()
    .toUpperCase();
}
