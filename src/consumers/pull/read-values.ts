import { normalizeLang } from '../../shared/model/asset-enums.js';
import { AssetProblem } from '../asset-problem.js';

/**
 * Parses an author's JSON file that must hold an object; `what` names it in the status text
 * (`Bad config`, `Bad quiz`).
 *
 * @throws AssetProblem ('bad-config') when it is not valid JSON or not an object.
 */
export function jsonObject(text: string, file: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AssetProblem(
      'bad-config',
      `${what}: ${file} is not valid JSON (${(error as Error).message})`,
    );
  }
  const object = objectValue(value);
  if (!object) throw new AssetProblem('bad-config', `${what}: ${file} is not a JSON object`);
  return object;
}

/** The value when it is a plain object, else undefined. */
export function objectValue(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty trimmed string, or undefined for anything else. */
export function textValue(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? text : undefined;
}

/**
 * A string, or the entry of a per-language object for `lang` (`us` and `en` both English),
 * falling back to English: authors write `"title": {"us": "...", "es": "..."}`.
 */
export function localizedText(value: unknown, lang: string): string | undefined {
  const plain = textValue(value);
  if (plain !== undefined || !value || typeof value !== 'object' || Array.isArray(value)) {
    return plain;
  }
  const byLang = new Map<string, unknown>();
  for (const [key, text] of Object.entries(value)) {
    try {
      byLang.set(normalizeLang(key), text);
    } catch {
      // A key that is not a language code is not a translation.
    }
  }
  const wanted = safeLang(lang);
  return textValue(byLang.get(wanted)) ?? textValue(byLang.get('en'));
}

/** A list of strings from an array or a comma-separated string; undefined when there is none. */
export function stringList(value: unknown): string[] | undefined {
  const items = Array.isArray(value)
    ? value.map(textValue)
    : typeof value === 'string'
      ? value.split(',').map(textValue)
      : [];
  const list = items.filter((item): item is string => item !== undefined);
  return list.length ? [...new Set(list)] : undefined;
}

function safeLang(lang: string): string {
  try {
    return normalizeLang(lang);
  } catch {
    return 'en';
  }
}
