import { AssetProblem } from '../asset-problem.js';
import type { AssetMetadata } from './asset-changes.js';
import { localizedText, stringList, textValue } from './read-values.js';

/**
 * Maps a quiz file: its `info` gives title (or `name`), description (or `main`), technologies
 * and difficulty (upper-cased); the questions stay in readme_raw.
 *
 * @throws AssetProblem ('bad-config') when the text is not a JSON object with `info`.
 */
export function mapQuiz(
  text: string,
  file: string,
  lang: string,
): { config: Record<string, unknown>; metadata: AssetMetadata } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AssetProblem(
      'bad-config',
      `Bad quiz: ${file} is not valid JSON (${(error as Error).message})`,
    );
  }
  const info = (data as { info?: unknown } | null)?.info;
  if (!info || typeof info !== 'object' || Array.isArray(info)) {
    throw new AssetProblem('bad-config', `Bad quiz: ${file} has no "info" object`);
  }
  const fields = info as Record<string, unknown>;
  const technologies = stringList(fields.technologies);
  const difficulty = textValue(fields.difficulty)?.toUpperCase();
  const questions = (data as { questions?: unknown }).questions;
  return {
    config: {
      file,
      ...(difficulty ? { difficulty } : {}),
      ...(technologies ? { technologies } : {}),
      questions: Array.isArray(questions) ? questions.length : 0,
    },
    metadata: {
      title: localizedText(fields.title, lang) ?? localizedText(fields.name, lang),
      description: localizedText(fields.description, lang) ?? localizedText(fields.main, lang),
      tags: technologies,
    },
  };
}
