import { Asset } from './asset.js';
import { AssetEvent } from './asset-event.js';
import { ContentVariable } from './content-variable.js';
import { Installation } from './installation.js';
import { Owner } from './owner.js';
import { Sweep } from './sweep.js';
import { SweepItem } from './sweep-item.js';
import { WebhookDelivery } from './webhook-delivery.js';

export {
  Asset,
  AssetEvent,
  ContentVariable,
  Installation,
  Owner,
  Sweep,
  SweepItem,
  WebhookDelivery,
};

/** Every entity of the model, for the ORM configuration. */
export const ENTITIES = [
  Asset,
  AssetEvent,
  ContentVariable,
  Installation,
  Owner,
  Sweep,
  SweepItem,
  WebhookDelivery,
];
