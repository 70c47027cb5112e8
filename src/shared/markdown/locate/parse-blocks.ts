import { type Node, Parser } from 'commonmark';

/** A leaf block of the README, with its lines counted in the parsed text. */
export interface LeafBlock {
  kind: 'paragraph' | 'heading' | 'html';
  /** 1-based first and last line, and the 1-based column where the block starts. */
  firstLine: number;
  lastLine: number;
  column: number;
  /** Heading level (0 for other blocks). */
  level: number;
  /** Directly in the document, not inside a list or quote. */
  topLevel: boolean;
  /** Heading content as written (markers, closing hashes and underline removed). */
  content: string;
}

// commonmark.js parses inlines and drops reference definitions after the block pass. Neither is
// needed here (inline spans are scanned from the source text, with their offsets), and dropping
// definitions would move the paragraphs' start lines, so both are switched off.
interface BlockParser {
  parse(input: string): Node;
  processInlines: () => void;
  blocks: Record<string, { finalize: (...args: unknown[]) => void }>;
}
const parser = new Parser() as unknown as BlockParser;
parser.processInlines = () => {};
parser.blocks = { ...parser.blocks, document: { ...parser.blocks.document, finalize() {} } };

/**
 * Parses the block structure of `markdown` (CommonMark) and returns its paragraphs, headings
 * and HTML blocks in document order. Code blocks and rules are left out: nothing in them is
 * ever rewritten.
 */
export function parseBlocks(markdown: string): LeafBlock[] {
  const leaves: LeafBlock[] = [];
  collect(parser.parse(markdown), leaves);
  return leaves;
}

// Iterative rather than recursive: a README of deeply nested quotes or lists must not exhaust
// the call stack.
function collect(document: Node, leaves: LeafBlock[]): void {
  const pending: Node[] = [];
  for (let node = document.lastChild; node; node = node.prev) pending.push(node);
  for (let node = pending.pop(); node; node = pending.pop()) {
    const [[firstLine, column], [lastLine]] = node.sourcepos;
    const topLevel = node.parent?.type === 'document';
    switch (node.type) {
      case 'paragraph':
      case 'html_block': {
        const kind = node.type === 'paragraph' ? 'paragraph' : 'html';
        leaves.push({ kind, firstLine, lastLine, column, level: 0, topLevel, content: '' });
        break;
      }
      case 'heading': {
        const content = (node as unknown as { _string_content: string | null })._string_content;
        leaves.push({
          kind: 'heading',
          firstLine,
          lastLine,
          column,
          level: node.level,
          topLevel,
          content: (content ?? '').replace(/\n$/, ''),
        });
        break;
      }
      case 'code_block':
      case 'thematic_break':
        break;
      default:
        for (let child = node.lastChild; child; child = child.prev) pending.push(child);
    }
  }
}
