import { z } from 'zod';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const optional = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const schema = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']).default(
    'postgres://postgres@127.0.0.1:5432/registry',
  ),
  AMQP_URL: url(['amqp:', 'amqps:']).default('amqp://guest:guest@127.0.0.1:5672'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]*$/, 'must be lower-case letters, digits, dots, dashes')
    .default('registry'),
  GITHUB_API_URL: url(['http:', 'https:']).default('https://api.github.com'),
  GITHUB_TOKEN: optional,
  APP_ID: optional,
  PRIVATE_KEY: optional,
  PRIVATE_KEY_PATH: optional,
  WEBHOOK_SECRET: optional,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  REGISTRY_SECRET_KEY: optional,
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
});

/** The validated environment every program reads. */
export type Config = z.infer<typeof schema>;

/** A configuration problem, with one line per bad variable in `message`. */
export class ConfigError extends Error {
  readonly variables: string[];

  constructor(problems: { variable: string; problem: string }[]) {
    super(problems.map(({ variable, problem }) => `${variable}: ${problem}`).join('\n'));
    this.name = 'ConfigError';
    this.variables = problems.map(({ variable }) => variable);
  }
}

/**
 * Reads the configuration from `env` (default `process.env`). Empty strings count as unset, so
 * an Action input left blank falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (result.success) return result.data;

  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? 'environment'),
      problem: issue.message,
    })),
  );
}

/** Replaces the password of a connection URL so it can be printed. */
export function redactUrl(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
