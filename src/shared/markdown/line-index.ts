/** Line starts of a text, with the line breaks CommonMark knows: `\r\n`, `\n` and a lone `\r`. */
export interface LineIndex {
  readonly text: string;
  /** Number of lines; a final line break does not open a new line. */
  readonly count: number;
  /** Offset where 1-based `line` starts. */
  start(line: number): number;
  /** Offset of the line break that ends `line` (the text length for a last unterminated line). */
  contentEnd(line: number): number;
  /** Offset just after the line break that ends `line`. */
  next(line: number): number;
  /** 1-based line of `offset`. */
  lineOf(offset: number): number;
  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number };
  /** Whether `line` holds nothing but spaces and tabs. */
  isBlank(line: number): boolean;
}

/** Indexes the lines of `text` once, in a single pass. */
export function createLineIndex(text: string): LineIndex {
  const starts = lineStarts(text);
  const length = text.length;
  const count = starts.length;
  const next = (line: number) => (line < count ? starts[line] : length);
  const contentEnd = (line: number) => {
    let end = next(line);
    if (end > starts[line - 1] && text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line - 1] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  const lineOf = (offset: number) => {
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };

  return {
    text,
    count,
    start: (line) => starts[line - 1],
    contentEnd,
    next,
    lineOf,
    position(offset) {
      const line = lineOf(offset);
      return { line, column: offset - starts[line - 1] + 1 };
    },
    isBlank(line) {
      const end = contentEnd(line);
      for (let i = starts[line - 1]; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9) return false;
      }
      return true;
    },
  };
}

// indexOf finds line feeds far faster than a character loop; texts with carriage returns take
// the regular expression.
function lineStarts(text: string): number[] {
  const starts = [0];
  const length = text.length;
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1 && i + 1 < length; i = text.indexOf('\n', i + 1)) {
      starts.push(i + 1);
    }
    return starts;
  }
  const breaks = /\r\n?|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    if (breaks.lastIndex < length) starts.push(breaks.lastIndex);
  }
  return starts;
}
