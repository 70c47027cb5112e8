import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './http-util.js';

/** The token or JWT of a request's Authorization header (`token X` or `Bearer X`). */
export function credentialOf(request: IncomingMessage): string | undefined {
  const header = String(request.headers.authorization ?? '');
  return /^(?:token|bearer)\s+(.+)$/i.exec(header)?.[1]?.trim();
}

/** Writes an answer: JSON bodies serialised, Buffers as they are, 304s without a body. */
export function send(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(answer.body)) {
    payload = answer.body;
    headers['content-type'] ??= 'application/octet-stream';
  } else if (answer.body !== undefined && answer.status !== 304) {
    payload = Buffer.from(JSON.stringify(answer.body));
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  response.writeHead(answer.status, headers);
  response.end(payload);
}
