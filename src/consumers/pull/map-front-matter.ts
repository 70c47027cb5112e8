import type { AssetMetadata } from './asset-changes.js';
import { stringList, textValue } from './read-values.js';

/**
 * The metadata a lesson's or article's front matter gives: title; description from `excerpt`,
 * `description` or `subtitle`; tags from `tags` or `technologies`. `slug` is returned apart:
 * an existing asset's slug never changes (links and jobs name it).
 */
export function mapFrontMatter(frontMatter: Record<string, unknown>): {
  metadata: AssetMetadata;
  slug?: string;
} {
  return {
    metadata: {
      title: textValue(frontMatter.title),
      description:
        textValue(frontMatter.excerpt) ??
        textValue(frontMatter.description) ??
        textValue(frontMatter.subtitle),
      tags: stringList(frontMatter.tags) ?? stringList(frontMatter.technologies),
    },
    slug: textValue(frontMatter.slug),
  };
}
