import { describe, expect, it } from 'vitest';
import { RateBudgets } from '../../../src/shared/github/rate-budget.js';

const NOW = 1_800_000_000_000;
const headers = (remaining: number, resetSec = NOW / 1000 + 600) => ({
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(resetSec),
  'x-ratelimit-resource': 'core',
});

describe('RateBudgets', () => {
  it('lets requests go while a budget is unknown or has points left', () => {
    const budgets = new RateBudgets();
    expect(budgets.waitTime('k', 'core', NOW)).toBe(0);
    budgets.update('k', 'core', headers(10));
    expect(budgets.waitTime('k', 'core', NOW)).toBe(0);
  });

  it('asks to wait until the reset once remaining reaches 0', () => {
    const budgets = new RateBudgets();
    budgets.update('k', 'core', headers(0));
    expect(budgets.waitTime('k', 'core', NOW)).toBe(600_000);
    expect(budgets.waitTime('k', 'core', NOW + 600_000)).toBe(0);
    expect(budgets.waitTime('other', 'core', NOW)).toBe(0);
    expect(budgets.waitTime('k', 'graphql', NOW)).toBe(0);
  });

  it('counts requests in flight against the remaining points', () => {
    const budgets = new RateBudgets();
    budgets.update('k', 'core', headers(2));
    budgets.acquire('k', 'core');
    expect(budgets.waitTime('k', 'core', NOW)).toBe(0);
    budgets.acquire('k', 'core');
    expect(budgets.waitTime('k', 'core', NOW)).toBe(600_000);
    budgets.release('k', 'core');
    expect(budgets.waitTime('k', 'core', NOW)).toBe(0);
  });

  it('keeps the lowest remaining of answers arriving out of order in one window', () => {
    const budgets = new RateBudgets();
    budgets.update('k', 'core', headers(3));
    budgets.update('k', 'core', headers(7));
    expect(budgets.snapshot('k', 'core')?.remaining).toBe(3);
    budgets.update('k', 'core', headers(4999, NOW / 1000 + 4000));
    expect(budgets.snapshot('k', 'core')?.remaining).toBe(4999);
  });

  it('files answers under the resource GitHub names in the headers', () => {
    const budgets = new RateBudgets();
    budgets.update('k', 'core', { ...headers(0), 'x-ratelimit-resource': 'graphql' });
    expect(budgets.waitTime('k', 'graphql', NOW)).toBe(600_000);
    expect(budgets.waitTime('k', 'core', NOW)).toBe(0);
  });

  it('pauses every resource of a credential for a secondary limit', () => {
    const budgets = new RateBudgets();
    expect(budgets.noteSecondary('k', 30_000, NOW)).toBe(30_000);
    expect(budgets.waitTime('k', 'core', NOW)).toBe(30_000);
    expect(budgets.waitTime('k', 'graphql', NOW + 10_000)).toBe(20_000);
  });

  it('waits a minute, then longer, for secondary limits without retry-after', () => {
    const budgets = new RateBudgets();
    expect(budgets.noteSecondary('k', null, NOW)).toBe(60_000);
    expect(budgets.noteSecondary('k', null, NOW)).toBe(120_000);
    budgets.noteSuccess('k');
    expect(budgets.noteSecondary('k', null, NOW)).toBe(60_000);
  });
});
