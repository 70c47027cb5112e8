import type { EntityManager } from '@mikro-orm/postgresql';
import { encryptToken } from '../crypto/token-cipher.js';
import { Owner } from '../db/entities/index.js';

const USERNAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * Stores `token` for the GitHub user `username`, encrypted; creates the owner when new. Refuses
 * (TokenCipherError) when there is no secret key, so a token is never stored in clear.
 */
export async function setOwnerToken(
  em: EntityManager,
  username: string,
  token: string,
  secretKey: string | undefined,
): Promise<void> {
  if (!USERNAME.test(username)) throw new RangeError(`'${username}' is not a GitHub username`);
  if (!token) throw new RangeError('the token is empty');
  const ciphertext = encryptToken(token, secretKey);
  const name = username.toLowerCase();
  await em.transactional(async (tx) => {
    const owner = await tx.findOne(Owner, { username: name });
    if (owner) owner.tokenCiphertext = ciphertext;
    else tx.create(Owner, { username: name, tokenCiphertext: ciphertext });
  });
}
