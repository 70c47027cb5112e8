import type { GqlDocument, GqlField, GqlSelection, GqlValue } from './parse-graphql.js';
import type { RepoStore, StoredRepo } from './repo-store.js';
import {
  type FieldResolver,
  type Path,
  resolveGitObject,
  type Selector,
} from './resolve-git-object.js';

/** What a query may see and what it cost. */
export interface GraphqlContext {
  store: RepoStore;
  canRead: (repo: StoredRepo) => boolean;
  login: string | null;
  /** Blob text over this many bytes comes back truncated. */
  textLimit: number;
  rate: { cost: number; limit: number; remaining: number; used: number; resetAt: Date };
}

export interface GraphqlError {
  message: string;
  type?: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/**
 * Runs a parsed query against the stand-in's repositories, answering the fields registry-sync
 * uses the way GitHub does (a missing repository is `null` plus a NOT_FOUND error naming its
 * path; a missing object is `null`). An unknown field fails the whole query, as GitHub's
 * validation does.
 */
export function executeGraphql(
  document: GqlDocument,
  variables: Record<string, unknown>,
  context: GraphqlContext,
): { data?: Record<string, unknown>; errors?: GraphqlError[] } {
  const errors: GraphqlError[] = [];
  let invalid = false;
  const defaults = new Map(document.variables.map((v) => [v.name, v.defaultValue]));

  const evaluate = (value: GqlValue): unknown => {
    switch (value.kind) {
      case 'literal':
        return value.value;
      case 'list':
        return value.values.map(evaluate);
      case 'object':
        return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, evaluate(v)]));
      case 'variable': {
        if (value.name in variables) return variables[value.name];
        const fallback = defaults.get(value.name);
        if (fallback) return evaluate(fallback);
        invalid = true;
        errors.push({ message: `Variable $${value.name} was not provided` });
        return null;
      }
    }
  };

  const select = (
    selections: GqlSelection[],
    typeNames: string[],
    resolve: FieldResolver,
    path: Path,
    into: Record<string, unknown> = {},
  ): Record<string, unknown> => {
    for (const selection of selections) {
      if (selection.kind === 'inline') {
        if (!selection.typeCondition || typeNames.includes(selection.typeCondition)) {
          select(selection.selections, typeNames, resolve, path, into);
        }
        continue;
      }
      if (selection.kind === 'spread') {
        const fragment = document.fragments.get(selection.name);
        if (!fragment) {
          invalid = true;
          errors.push({ message: `Fragment ${selection.name} was used, but not defined` });
        } else if (typeNames.includes(fragment.typeCondition)) {
          select(fragment.selections, typeNames, resolve, path, into);
        }
        continue;
      }
      const key = selection.alias ?? selection.name;
      if (selection.name === '__typename') {
        into[key] = typeNames[0];
        continue;
      }
      const args = Object.fromEntries(
        Object.entries(selection.args).map(([name, v]) => [name, evaluate(v)]),
      );
      into[key] = resolve(selection, args, [...path, key]);
    }
    return into;
  };

  const undefinedField = (typeName: string) => (field: GqlField) => {
    invalid = true;
    errors.push({
      message: `Field '${field.name}' doesn't exist on type '${typeName}'`,
      locations: [{ line: field.line, column: field.column }],
      extensions: { code: 'undefinedField', typeName, fieldName: field.name },
    });
    return null;
  };

  const selector: Selector = { select, undefinedField };
  const object = (repo: StoredRepo, ref: string, path: string, field: GqlField, at: Path) =>
    resolveGitObject(
      selector,
      { store: context.store, textLimit: context.textLimit },
      {
        repo,
        ref,
        path,
        field,
        at,
      },
    );

  const repository = (repo: StoredRepo, selections: GqlSelection[], at: Path) =>
    select(
      selections,
      ['Repository', 'Node'],
      (f, args, p) => {
        if (f.name === 'name') return repo.name;
        if (f.name === 'nameWithOwner') return `${repo.owner}/${repo.name}`;
        if (f.name === 'isPrivate') return repo.private;
        if (f.name === 'isArchived') return repo.archived;
        if (f.name === 'visibility') return repo.private ? 'PRIVATE' : 'PUBLIC';
        if (f.name === 'owner') {
          return select(
            f.selections ?? [],
            ['RepositoryOwner'],
            (of) => (of.name === 'login' ? repo.owner : undefinedField('RepositoryOwner')(of)),
            p,
          );
        }
        if (f.name === 'defaultBranchRef') {
          return select(
            f.selections ?? [],
            ['Ref'],
            (rf) => (rf.name === 'name' ? repo.defaultBranch : undefinedField('Ref')(rf)),
            p,
          );
        }
        if (f.name === 'object') {
          const expression = String(args.expression ?? '');
          const colon = expression.indexOf(':');
          const ref = colon < 0 ? expression : expression.slice(0, colon);
          const path = colon < 0 ? '' : expression.slice(colon + 1);
          if (colon < 0) return null;
          return object(repo, ref, path, f, p);
        }
        return undefinedField('Repository')(f);
      },
      at,
    );

  const data = select(
    document.selections,
    ['Query'],
    (field, args, path) => {
      if (field.name === 'repository') {
        const owner = String(args.owner ?? '');
        const name = String(args.name ?? '');
        const repo = context.store.get(owner, name);
        if (!repo || !context.canRead(repo)) {
          errors.push({
            type: 'NOT_FOUND',
            path,
            locations: [{ line: field.line, column: field.column }],
            message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          });
          return null;
        }
        return repository(repo, field.selections ?? [], path);
      }
      if (field.name === 'rateLimit') {
        const { rate } = context;
        return select(
          field.selections ?? [],
          ['RateLimit'],
          (f) => {
            if (f.name === 'resetAt') return rate.resetAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
            if (f.name === 'nodeCount') return 0;
            if (['cost', 'limit', 'remaining', 'used'].includes(f.name)) {
              return rate[f.name as 'cost' | 'limit' | 'remaining' | 'used'];
            }
            return undefinedField('RateLimit')(f);
          },
          path,
        );
      }
      if (field.name === 'viewer') {
        return select(
          field.selections ?? [],
          ['User'],
          (f) => (f.name === 'login' ? context.login : undefinedField('User')(f)),
          path,
        );
      }
      return undefinedField('Query')(field);
    },
    [],
  );

  if (invalid) return { errors: errors.filter((e) => e.type !== 'NOT_FOUND') };
  return errors.length ? { data, errors } : { data };
}
