import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** Raised when a token cannot be encrypted or decrypted; never carries the token. */
export class TokenCipherError extends Error {
  override name = 'TokenCipherError';
}

/**
 * Derives the 32-byte AES key from REGISTRY_SECRET_KEY. A 64-character hex or 44-character
 * base64 key is used as is; any other passphrase is hashed with SHA-256.
 */
function deriveKey(secret: string | undefined): Buffer {
  if (!secret) {
    throw new TokenCipherError(
      'REGISTRY_SECRET_KEY is not set: refusing to store a GitHub token without a key ' +
        '(generate one with: node -e "console.log(crypto.randomBytes(32).toString(\'hex\'))")',
    );
  }
  if (/^[0-9a-f]{64}$/i.test(secret)) return Buffer.from(secret, 'hex');
  const decoded = Buffer.from(secret, 'base64');
  if (decoded.length === 32 && secret.length === 44) return decoded;
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Encrypts a token with AES-256-GCM; the result is `v1:<iv>:<tag>:<ciphertext>` in base64. */
export function encryptToken(token: string, secret: string | undefined): string {
  const key = deriveKey(secret);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(
    ':',
  );
}

/** Decrypts what {@link encryptToken} produced; a wrong key or altered text is an error. */
export function decryptToken(stored: string, secret: string | undefined): string {
  const key = deriveKey(secret);
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new TokenCipherError('stored token is not in a known format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new TokenCipherError(
      'stored token cannot be decrypted: REGISTRY_SECRET_KEY differs from the key it was stored with',
    );
  }
}
