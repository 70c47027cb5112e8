import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildPullJobs } from '../../../../app/push/build-pull-jobs.js';

const source = { deliveryId: 'delivery-1', commitSha: 'f'.repeat(40) };

describe('buildPullJobs', () => {
  it('asks for a clean after each pull, keeps metadata and names the delivery', () => {
    const jobs = buildPullJobs(
      [{ slug: 'intro', owner: 'ana' }],
      source,
      pino({ level: 'silent' }),
    );
    expect(jobs).toEqual([
      {
        v: 1,
        kind: 'pull',
        slug: 'intro',
        owner: 'ana',
        override: false,
        clean: true,
        source: { type: 'webhook', deliveryId: 'delivery-1', commitSha: 'f'.repeat(40) },
      },
    ]);
  });

  it('leaves out an asset whose slug cannot travel in a job, with a warning', () => {
    const lines: { level: number; slug?: string }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const jobs = buildPullJobs(
      [
        { slug: 'fine', owner: null },
        { slug: 'has space', owner: null },
      ],
      source,
      log,
    );
    expect(jobs.map((job) => job.slug)).toEqual(['fine']);
    expect(lines).toEqual([expect.objectContaining({ level: 40, slug: 'has space' })]);
  });
});
