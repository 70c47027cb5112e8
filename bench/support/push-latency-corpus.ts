import type { StandinRepo } from '../../src/standin/standin-types.js';
import { generateReadme } from './generate-readme.js';

/** The repository of the lessons that pushes change. */
export const LESSON_REPO = { owner: 'acme', name: 'lessons' };
/** The repository the sweep backlog reads from. */
export const BACKLOG_REPO = { owner: 'acme', name: 'backlog' };

export const lessonSlug = (n: number) => `lesson-${n}`;
export const lessonPath = (n: number) => `lessons/${n}.md`;
const backlogPath = (n: number) => `articles/${n}.md`;

/** The slug of a lesson whose path a request body names, for every such path. */
export function lessonSlugsIn(text: string): string[] {
  return [...text.matchAll(/lessons\/(\d+)\.md/g)].map((match) => lessonSlug(Number(match[1])));
}

/** Lesson `n` as a push leaves it: front matter, a title, an image and the push's marker. */
export function lessonFile(n: number, marker: string): string {
  return [
    '---',
    `title: "Lesson ${n}"`,
    `excerpt: "What lesson ${n} teaches"`,
    'tags: [bench, push]',
    '---',
    `# Lesson ${n}`,
    '',
    `This version was pushed as ${marker}.`,
    '',
    `![Diagram of lesson ${n}](./img/lesson-${n}.png)`,
    '',
  ].join('\n');
}

/** The lessons repository with every lesson at an initial version. */
export function lessonRepo(lessons: number): StandinRepo {
  const files: Record<string, string> = {};
  for (let n = 0; n < lessons; n++) files[lessonPath(n)] = lessonFile(n, 'initial');
  return { ...LESSON_REPO, files: { main: files } };
}

/**
 * The backlog repository: `articles/<n>.md` for every backlog asset, small READMEs with front
 * matter, images, code and hide blocks (bodies drawn from a pool, so that building 100,000 of
 * them takes well under a second).
 */
export function backlogRepo(count: number, bodySize = 1_000): StandinRepo {
  const bodies = Array.from({ length: 256 }, (_, seed) =>
    generateReadme({ seed: seed + 1, size: bodySize }).replace(/^---\n[\s\S]*?\n---\n/, ''),
  );
  const files: Record<string, string> = {};
  for (let n = 0; n < count; n++) {
    files[backlogPath(n)] = `---\ntitle: "Article ${n}"\ntags: [bench]\n---\n${bodies[n % 256]}`;
  }
  return { ...BACKLOG_REPO, files: { main: files } };
}

type Sql = (text: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * Inserts `lessons` lessons (`lesson-<n>`, LESSON) and `backlog` backlog assets (`backlog-<n>`,
 * ARTICLE) in one statement, with readme_url parsed into the repository columns as the import
 * stores them (owner and name lower-cased).
 */
export async function seedPushLatencyAssets(sql: Sql, lessons: number, backlog: number) {
  const repos = [
    { ...LESSON_REPO, slug: 'lesson-', folder: 'lessons/', count: lessons },
    { ...BACKLOG_REPO, slug: 'backlog-', folder: 'articles/', count: backlog },
  ];
  await sql(
    `insert into asset (slug, asset_type, status, lang, readme_url, repo_owner, repo_name,
       repo_ref, repo_path, created_at, updated_at)
     select r.slug || n, r.type, 'PUBLISHED', 'en',
       'https://github.com/' || r.owner || '/' || r.name || '/blob/main/' || r.folder || n || '.md',
       lower(r.owner), lower(r.name), 'main', r.folder || n || '.md', now(), now()
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
       as r(slug, type, owner, name, folder, count),
       lateral generate_series(0, r.count - 1) as n`,
    [
      repos.map((r) => r.slug),
      ['LESSON', 'ARTICLE'],
      repos.map((r) => r.owner),
      repos.map((r) => r.name),
      repos.map((r) => r.folder),
      repos.map((r) => r.count),
    ],
  );
}
