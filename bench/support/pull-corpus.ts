import type { StandinRepo } from '../../src/standin/standin-types.js';
import { generateReadme } from './generate-readme.js';

/** One generated asset: its row and the files it reads. */
export interface CorpusAsset {
  slug: string;
  assetType: 'LESSON' | 'ARTICLE' | 'PROJECT' | 'EXERCISE' | 'QUIZ';
  readmeUrl: string;
  /** Files a one-request-per-file design reads for it. */
  files: number;
}

/**
 * Assets spread over `repos` repositories, in the mix of a real registry: 60% lessons, 10%
 * articles, 20% projects and exercises (README plus learn.json), 10% quizzes.
 */
export function pullCorpus(assets: number, repos: number) {
  const repositories: StandinRepo[] = [];
  const rows: CorpusAsset[] = [];
  const perRepo = Math.ceil(assets / repos);
  for (let r = 0; r < repos; r++) {
    const files: Record<string, string> = {};
    const name = `repo-${r}`;
    const blob = (path: string) => `https://github.com/acme/${name}/blob/main/${path}`;
    for (let i = 0; i < perRepo && rows.length < assets; i++) {
      const n = r * perRepo + i;
      const slug = `asset-${n}`;
      // The generator's front matter is sometimes invalid YAML on purpose; a pull would record
      // those as errors and never clean them, so each README gets a valid one here.
      const readme = generateReadme({ seed: n + 1, size: 3_000 }).replace(
        /^---\n[\s\S]*?\n---\n/,
        `---\ntitle: "Asset ${n}"\nexcerpt: "About asset ${n}"\ntags: [bench, pull]\n---\n`,
      );
      const kind = n % 10;
      if (kind < 6 || kind === 6) {
        const path = `${kind === 6 ? 'articles' : 'lessons'}/${slug}.md`;
        files[path] = readme;
        rows.push({
          slug,
          assetType: kind === 6 ? 'ARTICLE' : 'LESSON',
          readmeUrl: blob(path),
          files: 1,
        });
      } else if (kind < 9) {
        const folder = `projects/${slug}`;
        files[`${folder}/README.md`] = readme;
        files[`${folder}/learn.json`] = JSON.stringify({
          title: { us: `Project ${n}`, es: `Proyecto ${n}` },
          preview: `https://example.com/${slug}.png`,
          difficulty: 'beginner',
          technologies: ['html', 'css'],
        });
        const assetType = kind === 7 ? 'PROJECT' : 'EXERCISE';
        rows.push({ slug, assetType, readmeUrl: blob(`${folder}/README.md`), files: 2 });
      } else {
        const path = `quizzes/${slug}.json`;
        files[path] = JSON.stringify({ info: { title: `Quiz ${n}`, main: 'Test' }, questions: [] });
        rows.push({ slug, assetType: 'QUIZ', readmeUrl: blob(path), files: 1 });
      }
    }
    repositories.push({ owner: 'acme', name, files: { main: files } });
  }
  return { repositories, rows };
}
