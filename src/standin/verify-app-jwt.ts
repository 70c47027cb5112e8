import { createVerify } from 'node:crypto';

/**
 * Checks a GitHub App JWT the way GitHub does: RS256 signed by the App's key, `iss` the App
 * id, not expired, issued no later than a minute from now, living at most ten minutes.
 * Returns null when valid, else GitHub's complaint.
 */
export function verifyAppJwt(
  jwt: string,
  app: { id: number | string; publicKeyPem: string },
  nowMs: number,
): string | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'A JSON web token could not be decoded';
  const [header, payload, signature] = parts;
  let claims: { iss?: unknown; exp?: unknown; iat?: unknown };
  try {
    const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (decodedHeader.alg !== 'RS256') return 'A JSON web token could not be decoded';
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'A JSON web token could not be decoded';
  }
  const valid = createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(app.publicKeyPem, Buffer.from(signature, 'base64url'));
  if (!valid) return 'A JSON web token could not be decoded';
  const now = Math.floor(nowMs / 1000);
  if (String(claims.iss) !== String(app.id)) return "'Issuer' claim ('iss') must be an Integer";
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    return "'Expiration time' claim ('exp') must be a numeric value representing the future time";
  }
  if (typeof claims.iat !== 'number' || claims.iat > now + 60) {
    return "'Issued at' claim ('iat') must be an Integer representing when it was issued";
  }
  if (claims.exp - claims.iat > 600) {
    return "'Expiration time' claim ('exp') is too far in the future";
  }
  return null;
}
