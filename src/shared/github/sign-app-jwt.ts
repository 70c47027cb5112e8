import { createSign } from 'node:crypto';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Signs the RS256 JSON Web Token a GitHub App authenticates with. It is issued a minute in
 * the past, because GitHub rejects tokens from a clock running ahead, and lives nine minutes
 * (GitHub accepts at most ten). `now` is epoch ms, default `Date.now()`.
 */
export function signAppJwt(appId: number | string, privateKey: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ iat: seconds - 60, exp: seconds + 9 * 60, iss: String(appId) }),
  );
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}
