import type { EntityManager } from '@mikro-orm/postgresql';
import { Asset, Owner } from '../db/entities/index.js';
import { parseReadmeUrl } from '../github/parse-readme-url.js';
import { type ImportRecord, importRecordSchema } from './import-record-schema.js';
import { readRecords } from './read-records.js';

/** One bad field of one record. */
export interface ImportProblem {
  line: number;
  slug?: string;
  field: string;
  message: string;
}

/** Raised when any record is bad; nothing was written. */
export class ImportValidationError extends Error {
  override name = 'ImportValidationError';

  constructor(readonly problems: ImportProblem[]) {
    super(
      `${problems.length} problem(s), nothing imported:\n` +
        problems
          .map((p) => `  line ${p.line}${p.slug ? ` (${p.slug})` : ''}: ${p.field}: ${p.message}`)
          .join('\n'),
    );
  }
}

/** What an import did. */
export interface ImportResult {
  created: number;
  updated: number;
  /** Records whose readme_url is not a GitHub file URL: imported, and their pull will say so. */
  warnings: ImportProblem[];
}

/**
 * Validates every record, then creates or updates the assets by slug in one transaction:
 * when any record is bad, nothing is written.
 */
export async function importAssets(em: EntityManager, text: string): Promise<ImportResult> {
  const records = validate(text);
  const warnings: ImportProblem[] = [];

  const result = await em.transactional(async (tx) => {
    let created = 0;
    let updated = 0;
    const owners = await ownersByName(tx, records);
    const existing = new Map(
      (await tx.find(Asset, { slug: { $in: records.map(({ record }) => record.slug) } })).map(
        (asset) => [asset.slug, asset],
      ),
    );

    for (const { line, record } of records) {
      const location = locate(record.readme_url);
      if (record.readme_url && !location) {
        warnings.push({
          line,
          slug: record.slug,
          field: 'readme_url',
          message: 'not a GitHub URL',
        });
      }
      const fields = {
        assetType: record.asset_type,
        lang: record.lang,
        readmeUrl: record.readme_url,
        url: record.url,
        repoOwner: location?.owner.toLowerCase() ?? null,
        repoName: location?.repo.toLowerCase() ?? null,
        repoRef: location?.ref ?? null,
        repoPath: location?.path ?? null,
        owner: record.owner ? owners.get(record.owner.toLowerCase()) : null,
        ...(record.title ? { title: record.title } : {}),
        ...(record.status ? { status: record.status } : {}),
      };

      const asset = existing.get(record.slug);
      if (!asset) {
        tx.create(Asset, { slug: record.slug, ...fields });
        created++;
        continue;
      }
      // A moved file must be fetched again, whatever its blob SHA was.
      if (asset.readmeUrl !== record.readme_url) {
        asset.blobSha = null;
        asset.configBlobSha = null;
      }
      tx.assign(asset, fields);
      updated++;
    }
    return { created, updated };
  });
  return { ...result, warnings };
}

function validate(text: string) {
  const problems: ImportProblem[] = [];
  const records: { line: number; record: ImportRecord }[] = [];
  const seen = new Map<string, number>();

  for (const { line, value } of readRecords(text)) {
    const parsed = importRecordSchema.safeParse(value);
    const slug = (value as { slug?: unknown })?.slug;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          line,
          slug: typeof slug === 'string' ? slug : undefined,
          field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? 'fields' : 'record'),
          message: issue.message,
        });
      }
      continue;
    }
    const first = seen.get(parsed.data.slug);
    if (first !== undefined) {
      problems.push({
        line,
        slug: parsed.data.slug,
        field: 'slug',
        message: `repeats line ${first}`,
      });
      continue;
    }
    seen.set(parsed.data.slug, line);
    records.push({ line, record: parsed.data });
  }
  if (problems.length) throw new ImportValidationError(problems);
  return records;
}

function locate(readmeUrl: string | null) {
  if (!readmeUrl) return null;
  try {
    return parseReadmeUrl(readmeUrl);
  } catch {
    return null;
  }
}

async function ownersByName(em: EntityManager, records: { record: ImportRecord }[]) {
  const names = [
    ...new Set(records.map(({ record }) => record.owner?.toLowerCase()).filter(Boolean)),
  ] as string[];
  const owners = new Map<string, Owner>();
  if (names.length === 0) return owners;
  for (const owner of await em.find(Owner, { username: { $in: names } })) {
    owners.set(owner.username, owner);
  }
  for (const name of names) {
    if (!owners.has(name)) owners.set(name, em.create(Owner, { username: name }));
  }
  return owners;
}
