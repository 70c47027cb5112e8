import { pino } from 'pino';
import type { JobPublisher } from '../../src/shared/broker/job-publisher.js';
import { lessonSlugsIn } from './push-latency-corpus.js';

/** A job's end as the worker logs it: `<kind> <slug>: <outcome>` with its `ms` since receipt. */
interface JobMark {
  kind: 'pull' | 'clean';
  /** Epoch ms when the message was received and when the job was done. */
  start: number;
  end: number;
}

/** A span of one step: a GitHub request for a lesson's file, or the publish of its clean. */
interface SpanMark {
  start: number;
  end: number;
}

/** Where one push's time went, as epoch ms. */
export interface PushMarks {
  pull?: JobMark;
  fetch?: SpanMark;
  /** From the pull's commit to the broker's confirm of its clean job. */
  publish?: SpanMark;
  clean?: JobMark;
}

/**
 * Records, for lesson slugs only, when the worker took and finished each pull and clean (from
 * its info log lines), when its GitHub requests for their files left and were answered
 * (through the `fetch` it is given) and when their clean jobs were published and confirmed
 * (through the publisher it is given). Other lines are dropped unparsed, so the backlog's
 * logging costs what it costs in production, short of the write.
 */
export function createPushTimeline() {
  const jobs = new Map<string, JobMark[]>();
  const fetches = new Map<string, SpanMark[]>();
  const publishes = new Map<string, SpanMark[]>();
  const add = <T>(map: Map<string, T[]>, slug: string, mark: T) => {
    const list = map.get(slug) ?? [];
    list.push(mark);
    map.set(slug, list);
  };

  const log = pino(
    { level: 'info' },
    {
      write(line: string) {
        if (!line.includes('"slug":"lesson-')) return;
        const entry = JSON.parse(line) as { time: number; slug: string; msg: string; ms?: number };
        const kind = /^(pull|clean) /.exec(entry.msg)?.[1] as JobMark['kind'] | undefined;
        if (!kind || entry.ms === undefined) return;
        add(jobs, entry.slug, { kind, start: entry.time - entry.ms, end: entry.time });
      },
    },
  );

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const start = Date.now();
    const response = await globalThis.fetch(input, init);
    const slugs = typeof init?.body === 'string' ? lessonSlugsIn(init.body) : [];
    const end = Date.now();
    for (const slug of slugs) add(fetches, slug, { start, end });
    return response;
  };

  /** `publisher`, timing the publish of every lesson's clean job. */
  const timedPublisher = (publisher: JobPublisher): JobPublisher => ({
    ...publisher,
    async publishClean(job) {
      const start = Date.now();
      await publisher.publishClean(job);
      if (job.slug.startsWith('lesson-')) add(publishes, job.slug, { start, end: Date.now() });
    },
  });

  return {
    log,
    fetch,
    timedPublisher,
    /** The first pull of `slug` taken at or after `since`, its GitHub read and its clean. */
    marksAfter(slug: string, since: number): PushMarks {
      const list = jobs.get(slug) ?? [];
      const pull = list.find((mark) => mark.kind === 'pull' && mark.start >= since);
      if (!pull) return {};
      const fetch = fetches.get(slug)?.find((mark) => mark.start >= pull.start);
      const publish = publishes.get(slug)?.find((mark) => mark.start >= pull.start);
      const clean = list.find((mark) => mark.kind === 'clean' && mark.start >= pull.start);
      return { pull, fetch, publish, clean };
    },
  };
}
