import { GqlSyntaxError, tokenize } from './tokenize-graphql.js';

/** A GraphQL input value as written in a query. */
export type GqlValue =
  | { kind: 'variable'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'list'; values: GqlValue[] }
  | { kind: 'object'; fields: Record<string, GqlValue> };

export interface GqlField {
  kind: 'field';
  alias: string | null;
  name: string;
  args: Record<string, GqlValue>;
  selections: GqlSelection[] | null;
  line: number;
  column: number;
}

export type GqlSelection =
  | GqlField
  | { kind: 'inline'; typeCondition: string | null; selections: GqlSelection[] }
  | { kind: 'spread'; name: string };

export { GqlSyntaxError };

export interface GqlDocument {
  operation: 'query' | 'mutation' | 'subscription';
  variables: { name: string; defaultValue?: GqlValue }[];
  selections: GqlSelection[];
  fragments: Map<string, { typeCondition: string; selections: GqlSelection[] }>;
}

/** Parses the subset of GraphQL the stand-in answers: one operation plus fragments. */
export function parseGraphql(source: string): GqlDocument {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string): never => {
    const token = peek();
    throw new GqlSyntaxError(`${message} at '${token.text}'`, token.line, token.column);
  };
  const next = () => tokens[pos++];
  const is = (text: string) => peek().type !== 'string' && peek().text === text;
  const expect = (text: string) => (is(text) ? next() : fail(`Expected '${text}'`));
  const name = () => (peek().type === 'name' ? next().text : fail('Expected a name'));

  const value = (): GqlValue => {
    const token = peek();
    if (is('$')) {
      next();
      return { kind: 'variable', name: name() };
    }
    if (is('[')) {
      next();
      const values: GqlValue[] = [];
      while (!is(']')) values.push(value());
      next();
      return { kind: 'list', values };
    }
    if (is('{')) {
      next();
      const fields: Record<string, GqlValue> = {};
      while (!is('}')) {
        const key = name();
        expect(':');
        fields[key] = value();
      }
      next();
      return { kind: 'object', fields };
    }
    if (token.type === 'string' || token.type === 'number') {
      next();
      return { kind: 'literal', value: token.value };
    }
    if (token.type === 'name') {
      next();
      const literals: Record<string, unknown> = { true: true, false: false, null: null };
      return { kind: 'literal', value: token.text in literals ? literals[token.text] : token.text };
    }
    return fail('Expected a value');
  };

  const skipDirectives = () => {
    while (is('@')) {
      next();
      name();
      if (is('(')) arguments_();
    }
  };

  const arguments_ = (): Record<string, GqlValue> => {
    const args: Record<string, GqlValue> = {};
    expect('(');
    while (!is(')')) {
      const key = name();
      expect(':');
      args[key] = value();
    }
    next();
    return args;
  };

  const selectionSet = (): GqlSelection[] => {
    expect('{');
    const selections: GqlSelection[] = [];
    while (!is('}')) {
      if (is('...')) {
        next();
        if (is('on') || is('{') || is('@')) {
          let typeCondition: string | null = null;
          if (is('on')) {
            next();
            typeCondition = name();
          }
          skipDirectives();
          selections.push({ kind: 'inline', typeCondition, selections: selectionSet() });
        } else {
          selections.push({ kind: 'spread', name: name() });
          skipDirectives();
        }
        continue;
      }
      const { line, column } = peek();
      let alias: string | null = null;
      let fieldName = name();
      if (is(':')) {
        next();
        alias = fieldName;
        fieldName = name();
      }
      const args = is('(') ? arguments_() : {};
      skipDirectives();
      const inner = is('{') ? selectionSet() : null;
      selections.push({
        kind: 'field',
        alias,
        name: fieldName,
        args,
        selections: inner,
        line,
        column,
      });
    }
    next();
    return selections;
  };

  const document: GqlDocument = {
    operation: 'query',
    variables: [],
    selections: [],
    fragments: new Map(),
  };
  let operations = 0;
  while (peek().type !== 'end') {
    if (is('fragment')) {
      next();
      const fragmentName = name();
      expect('on');
      const typeCondition = name();
      skipDirectives();
      document.fragments.set(fragmentName, { typeCondition, selections: selectionSet() });
      continue;
    }
    operations += 1;
    if (operations > 1) fail('Only one operation per document is supported');
    if (is('query') || is('mutation') || is('subscription')) {
      document.operation = next().text as GqlDocument['operation'];
      if (peek().type === 'name') next();
      if (is('(')) {
        next();
        while (!is(')')) {
          expect('$');
          const variable: { name: string; defaultValue?: GqlValue } = { name: name() };
          expect(':');
          typeReference();
          if (is('=')) {
            next();
            variable.defaultValue = value();
          }
          document.variables.push(variable);
        }
        next();
      }
      skipDirectives();
    }
    document.selections = selectionSet();
  }
  if (operations === 0) fail('No operation found');
  return document;

  function typeReference(): void {
    if (is('[')) {
      next();
      typeReference();
      expect(']');
    } else {
      name();
    }
    if (is('!')) next();
  }
}
