/** A query the stand-in cannot read, with where it stopped. */
export class GqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** One lexical token of a GraphQL document. */
export interface Token {
  type: 'punct' | 'name' | 'number' | 'string' | 'end';
  text: string;
  value?: unknown;
  line: number;
  column: number;
}

const PUNCT = /^(\.\.\.|[{}()[\]:$!=@|&])/;

/** Splits a GraphQL document into tokens, skipping whitespace, commas and comments. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = () => ({ line, column: i - lineStart + 1 });
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\n') {
      i += 1;
      line += 1;
      lineStart = i;
    } else if (/[\s,\ufeff]/.test(ch)) {
      i += 1;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end < 0) throw new GqlSyntaxError('Unterminated block string', at().line, at().column);
      const text = source.slice(i + 3, end);
      tokens.push({ type: 'string', text, value: text, ...at() });
      for (const c of source.slice(i, end + 3)) if (c === '\n') line += 1;
      i = end + 3;
    } else if (ch === '"') {
      const start = at();
      let j = i + 1;
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\\') j += 1;
        if (source[j] === '\n')
          throw new GqlSyntaxError('Unterminated string', start.line, start.column);
        j += 1;
      }
      if (j >= source.length)
        throw new GqlSyntaxError('Unterminated string', start.line, start.column);
      const raw = source.slice(i, j + 1);
      tokens.push({ type: 'string', text: raw, value: JSON.parse(raw), ...start });
      i = j + 1;
    } else {
      const rest = source.slice(i);
      const match =
        PUNCT.exec(rest) ??
        /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest) ??
        /^[_A-Za-z]\w*/.exec(rest);
      if (!match) throw new GqlSyntaxError(`Unexpected character '${ch}'`, at().line, at().column);
      const text = match[0];
      const type = PUNCT.test(text) ? 'punct' : /^[-\d]/.test(text) ? 'number' : 'name';
      tokens.push({ type, text, value: type === 'number' ? Number(text) : undefined, ...at() });
      i += text.length;
    }
  }
  tokens.push({ type: 'end', text: '<EOF>', ...at() });
  return tokens;
}
