import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** pino level; default `info`. */
  level?: string;
  /** `pretty` for people, `json` for machines; default pretty on a TTY, else json. */
  format?: 'pretty' | 'json';
  /** Where lines go; default standard error, so standard output stays for command results. */
  destination?: number;
}

/**
 * Creates the process logger. Secrets are redacted by key name wherever they appear.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? 2;
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const redact = {
    paths: ['token', '*.token', 'password', '*.password', 'privateKey', 'secret', '*.secret'],
    censor: '[redacted]',
  };

  if (format === 'pretty') {
    return pino({
      level: options.level ?? 'info',
      redact,
      transport: {
        target: 'pino-pretty',
        options: { destination, colorize: true, ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level: options.level ?? 'info', redact }, pino.destination({ fd: destination }));
}
