import type { Command } from 'commander';
import { setOwnerToken } from '../../shared/assets/set-owner-token.js';
import { TokenCipherError } from '../../shared/crypto/token-cipher.js';
import { CliError } from '../cli-error.js';
import { openRuntime } from '../open-runtime.js';
import { readInput } from '../read-input.js';

/** `registry-sync owners set USER --token-stdin`. */
export function register(program: Command): void {
  const owners = program
    .command('owners')
    .description('GitHub users whose tokens pull their assets');
  owners
    .command('set')
    .argument('<user>', 'GitHub username')
    .description('store a GitHub token for an owner, encrypted with REGISTRY_SECRET_KEY')
    .option('--token-stdin', 'read the token from standard input (never from a flag or history)')
    .action(async (user: string, raw: { tokenStdin?: boolean }) => {
      if (!raw.tokenStdin) {
        throw new CliError(
          'give the token on standard input with --token-stdin, e.g. ' +
            '`gh auth token | registry-sync owners set octocat --token-stdin`',
        );
      }
      const token = (await readInput('-')).trim();
      const runtime = openRuntime();
      try {
        await setOwnerToken(
          (await runtime.orm()).em.fork(),
          user,
          token,
          runtime.config.REGISTRY_SECRET_KEY,
        ).catch((error) => {
          if (error instanceof TokenCipherError || error instanceof RangeError)
            throw new CliError(error.message);
          throw error;
        });
        console.log(`token stored for ${user.toLowerCase()}`);
      } finally {
        await runtime.close();
      }
    });
}
