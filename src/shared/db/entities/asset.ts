import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ASSET_STATUSES, ASSET_TYPES, SYNC_STATUSES } from '../../model/asset-enums.js';
import { Owner } from './owner.js';

const timestamp = () => p.datetime().columnType('timestamptz');

/**
 * A learning asset and the outcome of its last pull and clean. Column names are a contract:
 * operators and tests query them directly.
 */
export const Asset = defineEntity({
  name: 'Asset',
  tableName: 'asset',
  indexes: [
    // Push webhooks find their assets by repository and branch without scanning.
    { properties: ['repoOwner', 'repoName', 'repoRef'], name: 'asset_repo_idx' },
    // Sweeps select stalest first.
    { properties: ['lastSynchAt', 'id'], name: 'asset_last_synch_idx' },
    { properties: ['lastCleaningAt', 'id'], name: 'asset_last_cleaning_idx' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    slug: p.string().length(200).unique(),
    title: p.text().nullable(),
    description: p.text().nullable(),
    assetType: p.enum([...ASSET_TYPES]),
    status: p.enum([...ASSET_STATUSES]).default('NOT_STARTED'),
    lang: p.string().length(10),
    url: p.text().nullable(),
    readmeUrl: p.text().nullable(),
    // Parsed parts of readme_url; repo owner and name are stored lower-cased (GitHub is
    // case-insensitive there), the path keeps its case.
    repoOwner: p.string().length(100).nullable(),
    repoName: p.string().length(100).nullable(),
    repoRef: p.string().length(255).nullable(),
    repoPath: p.text().nullable(),
    readmeRaw: p.text().nullable().lazy().default(null),
    readme: p.text().nullable().lazy().default(null),
    html: p.text().nullable().lazy().default(null),
    // Blob SHA of the pulled file (and of the config file for config-driven types), so an
    // unchanged file is recognised without spending rate limit.
    blobSha: p.string().length(40).nullable(),
    configBlobSha: p.string().length(40).nullable(),
    frontMatter: p.json<Record<string, unknown>>().nullable(),
    config: p.json<Record<string, unknown>>().nullable(),
    tags: p.json<string[]>().nullable(),
    syncStatus: p.enum([...SYNC_STATUSES]).nullable(),
    statusText: p.text().nullable(),
    lastSynchAt: timestamp().nullable(),
    cleaningStatus: p.enum([...SYNC_STATUSES]).nullable(),
    cleaningStatusDetails: p.text().nullable(),
    lastCleaningAt: timestamp().nullable(),
    owner: () => p.manyToOne(Owner).nullable().index(),
    version: p.integer().version(),
    createdAt: timestamp().onCreate(() => new Date()),
    updatedAt: timestamp()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Asset = InferEntity<typeof Asset>;
