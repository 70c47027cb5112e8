import { AssetProblem } from '../asset-problem.js';
import type { AssetMetadata } from './asset-changes.js';
import { jsonObject, localizedText, objectValue, stringList, textValue } from './read-values.js';

/**
 * The normalised learn.json (or bc.json) stored in the asset's `config`; fields left undefined
 * are not stored.
 */
export interface LearnConfig {
  /** The config file read, relative to the asset's folder. */
  file: string;
  preview: string;
  difficulty?: string;
  duration?: number;
  technologies?: string[];
  video?: { intro?: string; solution?: string };
  solution?: string;
  delivery?: unknown;
  /** Graded or a tutorial: the learner works in an interactive environment. */
  interactive: boolean;
  projectType?: string;
  grading?: string;
  editorAgent?: string;
  /** The file as parsed, for what the registry does not map (yet). */
  raw: Record<string, unknown>;
}

/**
 * Maps a learn.json in the shapes authors write it: `title`/`description` as a string or a
 * per-language object, `video.intro` likewise (or a top-level `intro`), `grading` or a
 * `projectType` of `tutorial` making the asset interactive, `editor.agent`.
 *
 * @throws AssetProblem ('bad-config' or 'missing-preview') when the text is not a JSON object
 *   or has no `preview`.
 */
export function mapLearnConfig(
  text: string,
  file: string,
  lang: string,
): { config: LearnConfig; metadata: AssetMetadata } {
  const data = jsonObject(text, file, 'Bad config');
  const preview = textValue(data.preview);
  if (!preview) {
    throw new AssetProblem(
      'missing-preview',
      `Missing preview: ${file} has no "preview" image URL; add one`,
    );
  }
  const video = objectValue(data.video);
  const intro = localizedText(video?.intro ?? data.intro, lang);
  const solutionVideo = localizedText(video?.solution, lang);
  const editor = objectValue(data.editor);
  const projectType = textValue(data.projectType);
  const grading = textValue(data.grading);
  const duration = Number(data.duration);
  const config: LearnConfig = {
    file,
    preview,
    difficulty: textValue(data.difficulty)?.toUpperCase(),
    duration: data.duration !== undefined && Number.isFinite(duration) ? duration : undefined,
    technologies: stringList(data.technologies),
    video: intro || solutionVideo ? { intro, solution: solutionVideo } : undefined,
    solution: localizedText(data.solution, lang),
    delivery: data.delivery,
    interactive: grading !== undefined || projectType === 'tutorial',
    projectType,
    grading,
    editorAgent: textValue(editor?.agent),
    raw: data,
  };
  return {
    config,
    metadata: {
      title: localizedText(data.title, lang),
      description: localizedText(data.description, lang),
      tags: config.technologies,
    },
  };
}
