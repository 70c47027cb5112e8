import type { PullJob } from '../../shared/jobs/job-schemas.js';
import { CONFIG_FILE_NAMES } from '../../shared/model/asset-enums.js';
import { AssetProblem } from '../asset-problem.js';
import { type AssetChanges, withMetadata } from './asset-changes.js';
import type { PulledFiles, ReadFile } from './fetch-pull-files.js';
import type { PullTarget } from './load-pull-targets.js';
import { mapFrontMatter } from './map-front-matter.js';
import { mapLearnConfig } from './map-learn-config.js';
import { mapQuiz } from './map-quiz.js';
import type { PullPlan } from './plan-pull.js';
import { readFrontMatter } from './read-front-matter.js';

/** What a pull found: nothing new, or changes to write (with notes worth a log line). */
export type PullVerdict =
  | { kind: 'unchanged' }
  | { kind: 'changed'; changes: AssetChanges; notes: string[] };

/**
 * Turns the files read for an asset into the changes to store. Metadata (title, description,
 * tags) is applied on the first sync or when the job overrides it.
 *
 * @throws AssetProblem for a missing, binary or unreadable file, a missing config or preview,
 *   bad front matter or JSON; it keeps the raw README to store when one was read.
 */
export function interpretPull(
  target: PullTarget,
  plan: PullPlan,
  files: PulledFiles,
  job: PullJob,
): PullVerdict {
  const apply = job.override || target.lastSynchAt === null;
  const repository = `${plan.location.owner}/${plan.location.repo}`;
  const where = `${repository} at ${plan.location.ref}`;
  const main = readText(files.main, repository, where);

  if (plan.mode === 'file') {
    if (!main) return { kind: 'unchanged' };
    const keep = (problem: unknown) => keepRaw(problem, main.text, target.version);
    const base = { readmeRaw: main.text, blobSha: main.sha };
    if (target.assetType === 'QUIZ') {
      const quiz = attempt(() => mapQuiz(main.text, files.main.path, target.lang), keep);
      return changed(withMetadata({ ...base, config: quiz.config }, quiz.metadata, apply), []);
    }
    const frontMatter = attempt(() => readFrontMatter(main.text), keep);
    const { metadata, slug } = mapFrontMatter(frontMatter);
    const notes =
      slug && slug !== target.slug
        ? [`front matter slug '${slug}' differs from the asset's; the slug is kept`]
        : [];
    const fields = { ...base, frontMatter: Object.keys(frontMatter).length ? frontMatter : null };
    return changed(withMetadata(fields, metadata, apply), notes);
  }

  const keep = (problem: unknown) => keepRaw(problem, main?.text, target.version);
  if (!files.config) {
    const folder = plan.folder || 'the repository root';
    const names = CONFIG_FILE_NAMES.join(', ');
    throw keep(
      new AssetProblem(
        'missing-config',
        `Missing config: none of ${names} in ${folder} of ${where}`,
      ),
    );
  }
  const config = attempt(() => readText(files.config!, repository, where), keep);
  if (!main && !config) return { kind: 'unchanged' };

  let changes: AssetChanges = main ? { readmeRaw: main.text, blobSha: main.sha } : {};
  if (config) {
    const file = plan.folder ? files.config.path.slice(plan.folder.length + 1) : files.config.path;
    const learn = attempt(() => mapLearnConfig(config.text, file, target.lang), keep);
    changes = { ...changes, config: { ...learn.config }, configBlobSha: config.sha };
    changes = withMetadata(changes, learn.metadata, apply);
  }
  return changed(changes, []);
}

/** The text of a file that was read, null when it is unchanged; a problem otherwise. */
function readText(
  file: ReadFile,
  repository: string,
  where: string,
): { text: string; sha: string } | null {
  const { result, path } = file;
  switch (result.status) {
    case 'unchanged':
      return null;
    case 'ok':
      if (result.text === null) throw new Error(`no text came back for ${path} in ${where}`);
      return { text: result.text, sha: result.sha };
    case 'repo-not-found':
      throw new AssetProblem(
        'repository-not-found',
        `Repository not found or not accessible: ${repository} (check the URL and ` +
          'that the credential used can read it)',
      );
    case 'binary':
      throw new AssetProblem('binary-file', `Binary file: ${path} in ${where} is not text`);
    case 'invalid-utf8':
      throw new AssetProblem(
        'invalid-utf8',
        `Invalid UTF-8: ${path} in ${where} is not UTF-8 text`,
      );
    default:
      throw new AssetProblem('file-not-found', `File not found at ref: ${path} in ${where}`);
  }
}

function changed(changes: AssetChanges, notes: string[]): PullVerdict {
  return { kind: 'changed', changes, notes };
}

/** Runs `read`, passing any problem through `keep` so the raw README is stored with it. */
function attempt<T>(read: () => T, keep: (problem: unknown) => unknown): T {
  try {
    return read();
  } catch (problem) {
    throw keep(problem);
  }
}

function keepRaw(problem: unknown, readmeRaw: string | undefined, version: number): unknown {
  if (!(problem instanceof AssetProblem) || readmeRaw === undefined) return problem;
  return problem.keeping({ readmeRaw, version });
}
