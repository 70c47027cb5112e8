import { AssetProblem } from '../asset-problem.js';
import type { AssetMetadata } from './asset-changes.js';
import { jsonObject, localizedText, objectValue, stringList, textValue } from './read-values.js';

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
  const data = jsonObject(text, file, 'Bad quiz');
  const fields = objectValue(data.info);
  if (!fields) throw new AssetProblem('bad-config', `Bad quiz: ${file} has no "info" object`);
  const technologies = stringList(fields.technologies);
  const difficulty = textValue(fields.difficulty)?.toUpperCase();
  const questions = data.questions;
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
