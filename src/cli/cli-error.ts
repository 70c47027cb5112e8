/** An error the CLI prints as one line and exits with `exitCode` (2: cannot run). */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
