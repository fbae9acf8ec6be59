import { boltV3 } from '../versions/v3.js';
import { boltV4x3 } from '../versions/v4x3.js';
import { boltV4x4 } from '../versions/v4x4.js';
import { boltV5x1 } from '../versions/v5x1.js';
import { boltV5x4 } from '../versions/v5x4.js';
import type { RequestFeatures } from './request.js';

/** Decoder feature sets of a few versions, for the decoder tests. */
export const FEATURES: Readonly<Record<'3.0' | '4.3' | '4.4' | '5.1' | '5.4', RequestFeatures>> = {
  '3.0': boltV3.features,
  '4.3': boltV4x3.features,
  '4.4': boltV4x4.features,
  '5.1': boltV5x1.features,
  '5.4': boltV5x4.features,
};
