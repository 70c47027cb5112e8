import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.js';

/** Reads a file, or standard input when `path` is '-'. */
export async function readInput(path: string, stdin: NodeJS.ReadableStream = process.stdin) {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
