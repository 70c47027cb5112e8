// biome-ignore lint/suspicious/noExplicitAny: tests read answers of any shape and assert on them
export type Json = any;

/** Parses a fetch Response body as JSON, loosely typed so tests can assert on its shape. */
export async function readJson(response: Response): Promise<Json> {
  return response.json();
}
