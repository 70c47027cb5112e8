import { AssetProblem } from '../asset-problem.js';
import type { AssetMetadata } from './asset-changes.js';
import { localizedText, stringList, textValue } from './read-values.js';

/** The normalised learn.json (or bc.json) stored in the asset's `config`. */
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
 * @throws AssetProblem ('bad-config' or 'missing-preview') when the text is not a JSON object or has no `preview`.
 */
export function mapLearnConfig(
  text: string,
  file: string,
  lang: string,
): { config: LearnConfig; metadata: AssetMetadata } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AssetProblem(
      'bad-config',
      `Bad config: ${file} is not valid JSON (${(error as Error).message})`,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AssetProblem('bad-config', `Bad config: ${file} is not a JSON object`);
  }
  const data = raw as Record<string, unknown>;
  const preview = textValue(data.preview);
  if (!preview) {
    throw new AssetProblem(
      'missing-preview',
      `Missing preview: ${file} has no "preview" image URL; add one`,
    );
  }
  const video = objectValue(data.video);
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
    video: withoutUndefined({
      intro: localizedText(video?.intro ?? data.intro, lang),
      solution: localizedText(video?.solution, lang),
    }),
    solution: localizedText(data.solution, lang),
    delivery: data.delivery,
    interactive: grading !== undefined || projectType === 'tutorial',
    projectType,
    grading,
    editorAgent: textValue(editor?.agent),
    raw: data,
  };
  return {
    config: withoutUndefined(config) ?? config,
    metadata: {
      title: localizedText(data.title, lang),
      description: localizedText(data.description, lang),
      tags: config.technologies,
    },
  };
}

function objectValue(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Drops undefined fields (JSON columns should not carry them); undefined when none is left. */
function withoutUndefined<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}
