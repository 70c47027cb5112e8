/** One record of an import file and the line it starts on. */
export interface SourceRecord {
  line: number;
  value: unknown;
}

/** A problem with the import file itself, with its line. */
export class ImportSyntaxError extends Error {
  override name = 'ImportSyntaxError';

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Reads a JSON array or JSON lines into records, keeping each record's first line so errors
 * can point at it.
 */
export function readRecords(text: string): SourceRecord[] {
  const start = text.search(/\S/);
  if (start === -1) return [];
  return text[start] === '[' ? readArray(text) : readLines(text);
}

function readLines(text: string): SourceRecord[] {
  const records: SourceRecord[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (!content.trim()) return;
    try {
      records.push({ line: index + 1, value: JSON.parse(content) });
    } catch (error) {
      throw new ImportSyntaxError(index + 1, `not valid JSON (${(error as Error).message})`);
    }
  });
  return records;
}

function readArray(text: string): SourceRecord[] {
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    const line = lineOfJsonError(text, error as Error);
    throw new ImportSyntaxError(line, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(values)) throw new ImportSyntaxError(1, 'expected a JSON array of assets');
  const lines = elementLines(text);
  return values.map((value, index) => ({ line: lines[index] ?? 1, value }));
}

// V8 reports "at position N" (or "line L column C" in newer versions).
function lineOfJsonError(text: string, error: Error): number {
  const line = /line (\d+)/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(error.message);
  return position ? lineAt(text, Number(position[1])) : 1;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line on which each top-level element of a (valid) JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectElement && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
