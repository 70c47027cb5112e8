import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { cacheVariables } from '../../../../src/consumers/clean/cache-variables.js';
import type { VariableScope } from '../../../../src/shared/variables/load-variables.js';

const em = {} as EntityManager;

/** A loader that counts its reads and answers with the read number for the scope. */
function countingLoader(fail = false) {
  const reads: VariableScope[] = [];
  const load = async (_em: EntityManager, scope: VariableScope) => {
    reads.push(scope);
    if (fail && reads.length === 1) throw new Error('database unavailable');
    return { read: String(reads.length), lang: scope.lang };
  };
  return { reads, load };
}

describe('cacheVariables', () => {
  it('reads a language once while its variables are fresh, and again after the ttl', async () => {
    let clock = 0;
    const { reads, load } = countingLoader();
    const variables = cacheVariables({ now: () => clock, ttlMs: 30_000, load });

    expect(await variables(em, { lang: 'es' })).toEqual({ read: '1', lang: 'es' });
    clock = 29_999;
    expect(await variables(em, { lang: 'es' })).toEqual({ read: '1', lang: 'es' });
    clock = 30_000;
    expect(await variables(em, { lang: 'es' })).toEqual({ read: '2', lang: 'es' });
    expect(reads).toHaveLength(2);
  });

  it('keeps each language and academy apart', async () => {
    const { reads, load } = countingLoader();
    const variables = cacheVariables({ now: () => 0, load });

    await variables(em, { lang: 'es' });
    await variables(em, { lang: 'en' });
    await variables(em, { lang: 'es', academy: 'north' });
    await variables(em, { lang: 'es' });
    expect(reads).toEqual([{ lang: 'es' }, { lang: 'en' }, { lang: 'es', academy: 'north' }]);
  });

  it('shares one read among cleans asking at the same time', async () => {
    const { reads, load } = countingLoader();
    const variables = cacheVariables({ now: () => 0, load });

    const answers = await Promise.all([1, 2, 3].map(() => variables(em, { lang: 'en' })));
    expect(answers.map((answer) => answer.read)).toEqual(['1', '1', '1']);
    expect(reads).toHaveLength(1);
  });

  it('does not keep a failed read: the next clean reads again', async () => {
    const { reads, load } = countingLoader(true);
    const variables = cacheVariables({ now: () => 0, load });

    await expect(variables(em, { lang: 'en' })).rejects.toThrow('database unavailable');
    expect(await variables(em, { lang: 'en' })).toEqual({ read: '2', lang: 'en' });
    expect(reads).toHaveLength(2);
  });
});
