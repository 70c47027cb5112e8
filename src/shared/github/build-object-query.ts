/** One object lookup of a batched GraphQL query. */
export interface ObjectLookup {
  owner: string;
  repo: string;
  ref: string;
  path: string;
  /** `blob-text` also asks for the text; `blob` for the SHA and size only. */
  shape: 'blob' | 'blob-text' | 'tree';
}

/** A built query: send `query` with `variables`; `aliases[i]` locates lookup i in the answer. */
export interface ObjectQuery {
  query: string;
  variables: Record<string, string>;
  aliases: { repository: string; object: string }[];
}

const SHAPES: Record<ObjectLookup['shape'], string> = {
  blob: '... on Blob { oid byteSize isBinary }',
  'blob-text': '... on Blob { oid byteSize isBinary isTruncated text }',
  tree: '... on Tree { entries { name type oid } }',
};

/**
 * Builds one GraphQL query that reads every lookup, grouping lookups of the same repository
 * under one aliased `repository` field. Values travel as variables so that no path or ref
 * needs escaping. The query has no connections, so GitHub charges it 1 point; it also asks
 * for `rateLimit` so the real cost is known.
 */
export function buildObjectQuery(lookups: ObjectLookup[]): ObjectQuery {
  const repositories = new Map<string, { alias: string; fields: string[] }>();
  const declarations: string[] = [];
  const variables: Record<string, string> = {};
  const aliases: ObjectQuery['aliases'] = [];

  lookups.forEach((lookup, index) => {
    const repoKey = `${lookup.owner.toLowerCase()}/${lookup.repo.toLowerCase()}`;
    let repository = repositories.get(repoKey);
    if (!repository) {
      const n = repositories.size;
      repository = { alias: `r${n}`, fields: [] };
      repositories.set(repoKey, repository);
      variables[`o${n}`] = lookup.owner;
      variables[`n${n}`] = lookup.repo;
      declarations.push(`$o${n}: String!`, `$n${n}: String!`);
    }
    const alias = `f${index}`;
    variables[`e${index}`] = `${lookup.ref}:${lookup.path.replace(/^\/+/, '')}`;
    declarations.push(`$e${index}: String!`);
    repository.fields.push(`${alias}: object(expression: $e${index}) { ${SHAPES[lookup.shape]} }`);
    aliases.push({ repository: repository.alias, object: alias });
  });

  const body = [...repositories.values()].map(({ alias, fields }, n) =>
    [
      `  ${alias}: repository(owner: $o${n}, name: $n${n}) {`,
      ...fields.map((f) => `    ${f}`),
      '  }',
    ].join('\n'),
  );
  const header = declarations.length ? `query(${declarations.join(', ')})` : 'query';
  const query = [`${header} {`, ...body, '  rateLimit { cost remaining resetAt limit }', '}'].join(
    '\n',
  );
  return { query, variables, aliases };
}
