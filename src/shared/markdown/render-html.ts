import { init, mdToHtml, ParseFlags } from 'md4w';

// GitHub's flavour: tables, strikethrough, task lists and bare URL / www / e-mail autolinks.
// Whitespace is kept as written and raw HTML passes through.
export const GFM_FLAGS =
  ParseFlags.TABLES |
  ParseFlags.STRIKETHROUGH |
  ParseFlags.TASKLISTS |
  ParseFlags.PERMISSIVE_URL_AUTO_LINKS |
  ParseFlags.PERMISSIVE_WWW_AUTO_LINKS |
  ParseFlags.PERMISSIVE_EMAIL_AUTO_LINKS;

let loading: Promise<void> | undefined;
let ready = false;

/**
 * Loads the WebAssembly Markdown renderer (md4c). Call once before {@link renderHtml}; later
 * calls return the same promise.
 */
export function initRenderer(): Promise<void> {
  loading ??= init('fast').then(() => {
    ready = true;
  });
  return loading;
}

/** Renders Markdown to HTML (GitHub flavour). Throws when {@link initRenderer} has not run. */
export function renderHtml(markdown: string): string {
  if (!ready) {
    throw new Error('the Markdown renderer is not loaded: await initCleanReadme() once first');
  }
  // md4w cannot allocate an empty input buffer.
  return markdown === '' ? '' : mdToHtml(markdown, { parseFlags: GFM_FLAGS });
}
