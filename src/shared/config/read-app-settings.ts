import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Config, ConfigError } from './load-config.js';

/** What the app server needs besides the database and the broker. */
export interface AppSettings {
  appId: number;
  /** PEM text of the App's private key. */
  privateKey: string;
  webhookSecret: string;
  port: number;
  githubApiUrl: string;
}

const PEM = /-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----/;

/**
 * Reads and checks the GitHub App settings of `config`: APP_ID, PRIVATE_KEY (PEM text, with
 * `\n` escapes or base64-encoded, as Probot accepts it) or PRIVATE_KEY_PATH, WEBHOOK_SECRET,
 * PORT. `readFile` defaults to reading the file system.
 *
 * @throws ConfigError with one line per missing or bad setting.
 */
export function readAppSettings(
  config: Config,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  options: { webhook?: boolean } = {},
): AppSettings {
  const problems: { variable: string; problem: string }[] = [];
  const fail = (variable: string, problem: string) => {
    problems.push({ variable, problem });
    return undefined;
  };

  const appId = Number(config.APP_ID);
  if (!config.APP_ID) fail('APP_ID', "missing: set the ID shown on the GitHub App's settings page");
  else if (!Number.isSafeInteger(appId) || appId <= 0) {
    fail('APP_ID', `'${config.APP_ID}' is not a positive whole number`);
  }

  let privateKey: string | undefined;
  if (config.PRIVATE_KEY) {
    privateKey = checkPem(decodeKey(config.PRIVATE_KEY), (problem) => fail('PRIVATE_KEY', problem));
  } else if (config.PRIVATE_KEY_PATH) {
    const path = config.PRIVATE_KEY_PATH;
    let text: string | undefined;
    try {
      text = readFile(path);
    } catch (error) {
      fail('PRIVATE_KEY_PATH', `cannot read '${path}': ${(error as Error).message}`);
    }
    if (text !== undefined) {
      privateKey = checkPem(text, (problem) => fail('PRIVATE_KEY_PATH', `'${path}' ${problem}`));
    }
  } else {
    fail(
      'PRIVATE_KEY',
      "missing: set PRIVATE_KEY to the App's .pem contents, or PRIVATE_KEY_PATH to the file",
    );
  }

  // Workers mint installation tokens with the App's key but never receive a webhook.
  if (options.webhook !== false && !config.WEBHOOK_SECRET) {
    fail('WEBHOOK_SECRET', "missing: set the webhook secret from the GitHub App's settings");
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    appId,
    privateKey: privateKey!,
    webhookSecret: config.WEBHOOK_SECRET ?? '',
    port: config.PORT,
    githubApiUrl: config.GITHUB_API_URL,
  };
}

// Environment variables often carry the key with literal `\n`, or base64-encoded.
function decodeKey(value: string): string {
  if (!value.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(value)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN')) return decoded;
  }
  return value.replace(/\\n/g, '\n');
}

function checkPem(text: string, fail: (problem: string) => undefined): string | undefined {
  const match = PEM.exec(text);
  if (!match) return fail('is not a PEM private key (-----BEGIN RSA PRIVATE KEY----- ...)');
  try {
    createPrivateKey(match[0]);
  } catch (error) {
    return fail(`holds a PEM private key that cannot be loaded: ${(error as Error).message}`);
  }
  return match[0];
}
