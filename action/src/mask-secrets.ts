import * as core from '@actions/core';

const SECRET_PARAMETER = /pass|secret|token|key/i;

/**
 * The parts of a connection URL that must never reach the log: the whole URL, its password as
 * written and decoded, and any query parameter that looks like a credential. An unparseable
 * URL yields itself and whatever sits between `user:` and `@`.
 */
export function connectionSecrets(url: string): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    if (value) secrets.add(value);
  };
  add(url);
  try {
    const parsed = new URL(url);
    add(parsed.password);
    add(safeDecode(parsed.password));
    for (const [name, value] of parsed.searchParams) {
      if (SECRET_PARAMETER.test(name)) add(value);
    }
  } catch {
    const match = /^[^:]+:\/\/[^:@/]*:([^@]*)@/.exec(url);
    add(match?.[1]);
  }
  return [...secrets];
}

/**
 * Registers the secrets of each connection URL with the runner (`::add-mask::`), which then
 * hides them in every later log line and annotation.
 */
export function maskConnectionSecrets(
  urls: string[],
  setSecret: (secret: string) => void = core.setSecret,
): void {
  for (const url of urls) {
    for (const secret of connectionSecrets(url)) setSecret(secret);
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
