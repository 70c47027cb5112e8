import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Standin } from '../../src/standin/standin-types.js';
import { pushPayload } from '../../test/integration/app/support/webhook-examples.js';
import { percentile } from './bench-result.js';
import { LESSON_REPO, lessonFile, lessonPath, lessonSlug } from './push-latency-corpus.js';
import type { createPushTimeline, PushMarks } from './push-timeline.js';
import type { watchReadmeMarkers } from './watch-readme-markers.js';
import { sendDelivery, signedDelivery } from './webhook-delivery.js';

/** What a push round drives and watches. */
export interface PushRig {
  /** Where the app server takes deliveries. */
  appUrl: string;
  standin: Standin;
  watch: Awaited<ReturnType<typeof watchReadmeMarkers>>;
  timeline: ReturnType<typeof createPushTimeline>;
}

/** One measured push. */
export interface PushSample {
  slug: string;
  /** From just before the delivery was sent until a poll saw the cleaned readme, in ms. */
  totalMs: number;
  /** Until the app answered the delivery. */
  answerMs: number;
  /** Epoch ms just before sending, and where the worker's time went after it. */
  sentAt: number;
  marks: PushMarks;
}

/** The figures of one round of pushes. */
export interface PushRound {
  samples: PushSample[];
  /** Event-loop delay of this process during the round: p99 and max, in ms (0.1 ms). */
  loopDelayMs: { p99: number; max: number };
}

/**
 * Runs `count` pushes, one every `spacingMs` whatever the others are doing: each one writes a
 * new version of a lesson (with a unique marker) to the stand-in, sends a signed push delivery
 * naming its path, and waits until the lesson's cleaned readme holds the marker.
 */
export async function measurePushes(
  rig: PushRig,
  options: { count: number; lessons: number; spacingMs: number },
): Promise<PushRound> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const run = randomBytes(4).toString('hex');
  const started = performance.now();
  const samples = await Promise.all(
    Array.from({ length: options.count }, async (_, i) => {
      await delay(Math.max(0, started + i * options.spacingMs - performance.now()));
      return pushOnce(rig, i % options.lessons, `marker-${run}-${i}`);
    }),
  );
  loop.disable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  return { samples, loopDelayMs: { p99: ms(loop.percentile(99)), max: ms(loop.max) } };
}

async function pushOnce(rig: PushRig, lesson: number, marker: string): Promise<PushSample> {
  const slug = lessonSlug(lesson);
  rig.standin.addFile(
    LESSON_REPO.owner,
    LESSON_REPO.name,
    'main',
    lessonPath(lesson),
    lessonFile(lesson, marker),
  );
  const delivery = signedDelivery(
    pushPayload({
      owner: LESSON_REPO.owner,
      repo: LESSON_REPO.name,
      after: randomBytes(20).toString('hex'),
      commits: [{ modified: [lessonPath(lesson)] }],
    }),
  );
  const sentAt = Date.now();
  const sent = performance.now();
  const seen = rig.watch.seen(slug, marker);
  const answerMs = await sendDelivery(rig.appUrl, delivery);
  const totalMs = (await seen) - sent;
  return { slug, totalMs, answerMs, sentAt, marks: rig.timeline.marksAfter(slug, sentAt) };
}

/** Milestones of a push, as ms after sending; undefined when the timeline lacks one. */
const MILESTONES: [string, (s: PushSample) => number | undefined][] = [
  ['webhook answered', (s) => s.answerMs + s.sentAt],
  ['pull taken from the webhook queue', (s) => s.marks.pull?.start],
  ['GitHub read sent', (s) => s.marks.fetch?.start],
  ['GitHub read answered', (s) => s.marks.fetch?.end],
  ['pull committed', (s) => s.marks.publish?.start],
  ['clean job confirmed by the broker', (s) => s.marks.publish?.end],
  ['clean taken from the clean queue', (s) => s.marks.clean?.start],
  ['clean stored', (s) => s.marks.clean?.end],
  ['seen cleaned by the poll', (s) => s.totalMs + s.sentAt],
];

/** p50 and p95 of each milestone, in ms after sending, keyed by milestone. */
export function pushBreakdown(samples: PushSample[]): Record<string, [number, number]> {
  const table: Record<string, [number, number]> = {};
  for (const [name, at] of MILESTONES) {
    const offsets = samples.flatMap((sample) => {
      const value = at(sample);
      return value === undefined ? [] : [value - sample.sentAt];
    });
    table[name] = [percentile(offsets, 50), percentile(offsets, 95)];
  }
  return table;
}

/** Prints the breakdowns of several rounds side by side on stderr. */
export function printBreakdowns(rounds: Record<string, PushSample[]>): void {
  const names = Object.keys(rounds);
  const tables = names.map((name) => pushBreakdown(rounds[name]));
  const cell = (pair: [number, number]) =>
    `${pair[0].toFixed(0)} / ${pair[1].toFixed(0)}`.padStart(15);
  const line = (label: string, cells: string[]) =>
    console.error(`${label.padEnd(36)}${cells.join('')}`);
  console.error('');
  line(
    'ms after sending (p50 / p95)',
    names.map((name) => name.padStart(15)),
  );
  for (const [milestone] of MILESTONES) {
    line(
      `  ${milestone}`,
      tables.map((table) => cell(table[milestone])),
    );
  }
}
