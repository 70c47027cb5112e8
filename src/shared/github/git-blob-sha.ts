import { createHash } from 'node:crypto';

/** The git blob SHA-1 of some bytes: what GitHub reports as `sha` and GraphQL `oid`. */
export function gitBlobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
