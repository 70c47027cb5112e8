import { describe, expect, it } from 'vitest';
import { connectionSecrets, maskConnectionSecrets } from '../../../action/src/mask-secrets.js';

describe('connectionSecrets', () => {
  it('masks the whole URL and its password', () => {
    expect(connectionSecrets('postgres://app:hunter2@db:5432/registry')).toEqual([
      'postgres://app:hunter2@db:5432/registry',
      'hunter2',
    ]);
  });

  it('masks a percent-encoded password both as written and decoded', () => {
    expect(connectionSecrets('amqp://app:p%40ss%2Fw@mq')).toEqual([
      'amqp://app:p%40ss%2Fw@mq',
      'p%40ss%2Fw',
      'p@ss/w',
    ]);
  });

  it('masks credentials passed as query parameters', () => {
    expect(
      connectionSecrets('postgres://db/registry?user=app&password=q1&sslmode=require'),
    ).toEqual(['postgres://db/registry?user=app&password=q1&sslmode=require', 'q1']);
  });

  it('masks the whole value, and what looks like a password, of an unparseable URL', () => {
    expect(connectionSecrets('postgres://app:se cret@db:port/x')).toEqual([
      'postgres://app:se cret@db:port/x',
      'se cret',
    ]);
  });

  it('has nothing but the URL to mask when there is no password', () => {
    expect(connectionSecrets('postgres://postgres@127.0.0.1:5432/registry')).toEqual([
      'postgres://postgres@127.0.0.1:5432/registry',
    ]);
  });
});

describe('maskConnectionSecrets', () => {
  it('registers the secrets of every URL', () => {
    const masked: string[] = [];
    maskConnectionSecrets(['postgres://a:one@db/x', 'amqp://b:two@mq'], (secret) => {
      masked.push(secret);
    });
    expect(masked).toEqual(['postgres://a:one@db/x', 'one', 'amqp://b:two@mq', 'two']);
  });
});
