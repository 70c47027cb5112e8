import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The documentation link GitHub puts in error bodies. */
export const DOCS_URL = 'https://docs.github.com/rest';

/** What a route handler answers; the server adds rate-limit headers and charges `points`. */
export interface Answer {
  status: number;
  /** JSON-serialised unless it is a Buffer (sent as is) or undefined (no body). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Points charged to the identity's budget of `resource`; default 0. */
  points?: number;
  resource?: 'core' | 'graphql';
}

/** A GitHub-shaped JSON error answer. */
export function errorAnswer(status: number, message: string, points = 0): Answer {
  return {
    status,
    body: { message, documentation_url: DOCS_URL, status: String(status) },
    points,
  };
}

/** Reads a request body whole. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A weak ETag for what one identity sees: GitHub's ETags depend on the token too. */
export function weakEtag(identity: string, variant: string, content: string): string {
  const digest = createHash('sha256').update(`${identity}\0${variant}\0${content}`).digest('hex');
  return `W/"${digest.slice(0, 40)}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, lists and `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || opaque(value) === opaque(etag);
  });
}
