import { z } from 'zod';

/** Version of the job messages this code writes and reads. */
export const JOB_SCHEMA_VERSION = 1;

// Slugs travel in URLs and log lines: no whitespace, no slashes. Legacy rows may break this; their
// jobs are refused on publish and reported as failed, never queued half-valid.
const slug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s/]+$/, 'must not contain whitespace or slashes');

/** Where a job came from: a sweep, a push webhook, or an operator at the CLI. */
export const jobSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sweep'), sweepId: z.string().uuid() }),
  z.object({
    type: z.literal('webhook'),
    deliveryId: z.string().min(1).max(100),
    commitSha: z.string().regex(/^[0-9a-f]{40}$/),
  }),
  z.object({ type: z.literal('cli') }),
]);
export type JobSource = z.infer<typeof jobSourceSchema>;

/** Pull one asset's files from GitHub, then (when `clean`) clean what was stored. */
export const pullJobSchema = z.object({
  v: z.literal(JOB_SCHEMA_VERSION),
  kind: z.literal('pull'),
  slug,
  /** GitHub username whose token pulls the asset, or null to use the App or GITHUB_TOKEN. */
  owner: z.string().min(1).max(100).nullable(),
  /** Overwrite metadata (title, description, ...) from front matter or config. */
  override: z.boolean(),
  /** Queue a clean of the asset once the pull has committed. */
  clean: z.boolean(),
  source: jobSourceSchema,
});
export type PullJob = z.infer<typeof pullJobSchema>;

/** Clean one asset's stored readme_raw. */
export const cleanJobSchema = z.object({
  v: z.literal(JOB_SCHEMA_VERSION),
  kind: z.literal('clean'),
  slug,
  source: jobSourceSchema,
});
export type CleanJob = z.infer<typeof cleanJobSchema>;

export const jobSchema = z.discriminatedUnion('kind', [pullJobSchema, cleanJobSchema]);
export type Job = z.infer<typeof jobSchema>;

/** A message that is not a job of a version this code knows. */
export class MalformedJobError extends Error {
  override name = 'MalformedJobError';
}

/**
 * Validates a received message body (a parsed object, a string or bytes) as a job. Throws
 * {@link MalformedJobError} with the reason: such a message goes to the dead-letter queue.
 */
export function parseJob(body: unknown): Job {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new MalformedJobError('body is not JSON');
    }
  }
  if (value && typeof value === 'object' && 'v' in value && value.v !== JOB_SCHEMA_VERSION) {
    throw new MalformedJobError(`unknown schema version ${JSON.stringify(value.v)}`);
  }
  const result = jobSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MalformedJobError(`${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return result.data;
}
