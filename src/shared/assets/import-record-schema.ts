import { z } from 'zod';
import { ASSET_STATUSES, ASSET_TYPES, normalizeLang, parseChoice } from '../model/asset-enums.js';

const choice = <T extends string>(allowed: readonly T[], what: string) =>
  z.string().transform((value, ctx) => {
    try {
      return parseChoice(value, allowed, what);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value.trim() : null));

/** One asset of an import file. Unknown fields are errors: a typo must not drop data. */
export const importRecordSchema = z
  .object({
    slug: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/,
        'letters, digits, dots, dashes and underscores, at most 200, ' +
          'starting with a letter or digit',
      ),
    asset_type: choice(ASSET_TYPES, 'asset type'),
    lang: z.string().transform((value, ctx) => {
      try {
        return normalizeLang(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
    title: optionalText,
    status: choice(ASSET_STATUSES, 'status').optional(),
    readme_url: optionalText,
    url: optionalText,
    owner: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'not a GitHub username')
      .nullish(),
  })
  .strict();

export type ImportRecord = z.infer<typeof importRecordSchema>;
