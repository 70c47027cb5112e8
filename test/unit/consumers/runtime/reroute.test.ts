import { describe, expect, it } from 'vitest';
import { readAttempt, readNotBefore } from '../../../../src/consumers/runtime/job-headers.js';
import { bodyBytes, pickRetryQueue } from '../../../../src/consumers/runtime/reroute.js';
import { topology } from '../../../../src/shared/broker/topology.js';

const { retries } = topology('unit');

describe('retry queue choice', () => {
  it.each([
    [1_000, 1_000],
    [4_999, 1_000],
    [5_000, 5_000],
    [45_000, 30_000],
    [3_600_000, 600_000],
    [10, 1_000],
  ])('serves a wait of %i ms through the %i ms queue', (waitMs, delayMs) => {
    expect(pickRetryQueue(retries, waitMs).delayMs).toBe(delayMs);
  });
});

describe('job headers', () => {
  it('counts a delivery without an attempt header as try 1', () => {
    expect(readAttempt(undefined)).toBe(1);
    expect(readAttempt({ 'x-attempt': 'junk' })).toBe(1);
    expect(readAttempt({ 'x-attempt': 4 })).toBe(4);
  });

  it('reads the time a waiting job may run', () => {
    expect(readNotBefore({})).toBeNull();
    expect(readNotBefore({ 'x-not-before': 1_700_000_000_000 })).toBe(1_700_000_000_000);
  });
});

describe('republished bodies', () => {
  it('keeps bytes, strings and parsed JSON as the bytes of the message', () => {
    expect(bodyBytes(Buffer.from('raw')).toString()).toBe('raw');
    expect(bodyBytes('text').toString()).toBe('text');
    expect(JSON.parse(bodyBytes({ v: 1 }).toString())).toEqual({ v: 1 });
  });
});
