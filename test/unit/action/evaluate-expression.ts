import { data, Evaluator, Lexer, Parser } from '@actions/expressions';

const WHOLE_EXPRESSION = /^\s*\$\{\{([\s\S]*)\}\}\s*$/;

/**
 * Evaluates a workflow value the way the runner does for a value that is one `${{ }}`
 * expression (anything else is taken literally), against plain JSON contexts, and returns the
 * string an action input would receive.
 */
export function evaluateValue(value: string, contexts: Record<string, unknown>): string {
  const match = WHOLE_EXPRESSION.exec(value);
  if (!match) return value;
  const { tokens } = new Lexer(match[1]).lex();
  const tree = new Parser(tokens, Object.keys(contexts), []).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(tree, context).evaluate().coerceString();
}
