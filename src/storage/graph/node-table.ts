import type { Delta } from '../mvcc/delta.js';
import { ensureUint8 } from './growable.js';
import type { LabelSet } from './label-sets.js';
import type { PropertyMap } from './property-map.js';

/**
 * The newest version of every node, as parallel arrays indexed by node id (struct of arrays: no object per
 * node). A slot whose `labels` is `undefined` holds no node: never used, or freed by garbage collection once
 * no transaction could see it. A deleted node keeps its labels and properties until then, because older
 * snapshots still read them (the delete is undone through its delta).
 * Ids are handed out in increasing order and never reused, so an id names one node for the life of the
 * database (element ids stay stable, and a stale id can never point at a different node).
 */
export class NodeTable {
  /** Interned label set per node; `undefined` marks a free slot. */
  readonly labels: (LabelSet | undefined)[] = [];
  readonly properties: (PropertyMap | undefined)[] = [];
  /** Newest-first chain of changes not yet garbage-collected. */
  readonly deltas: (Delta | undefined)[] = [];
  /** 1 when the newest version is deleted. */
  deleted = new Uint8Array(16);
  /** Live plus deleted-but-not-collected slots. */
  private used = 0;

  /** One past the highest id ever handed out. */
  get highWaterMark(): number {
    return this.labels.length;
  }

  /** Slots that hold a node (possibly deleted in its newest version). */
  get usedSlots(): number {
    return this.used;
  }

  /** Takes the next id for a new node with `labels` and `properties`. */
  allocate(labels: LabelSet, properties: PropertyMap | undefined): number {
    const id = this.labels.length;
    this.labels.push(labels);
    this.properties.push(properties);
    this.deltas.push(undefined);
    this.deleted = ensureUint8(this.deleted, id);
    this.used++;
    return id;
  }

  /** Puts a node back under a known id (recovery); slots below it that are not in use stay free. */
  allocateAt(id: number, labels: LabelSet, properties: PropertyMap | undefined): void {
    while (this.labels.length <= id) {
      this.labels.push(undefined);
      this.properties.push(undefined);
      this.deltas.push(undefined);
    }
    this.deleted = ensureUint8(this.deleted, id);
    if (this.labels[id] === undefined) this.used++;
    this.labels[id] = labels;
    this.properties[id] = properties;
    this.deleted[id] = 0;
  }

  /** Whether slot `id` holds a node in some version. */
  isInUse(id: number): boolean {
    return this.labels[id] !== undefined;
  }

  /** Releases a slot once no transaction can see its node any more. */
  free(id: number): void {
    if (this.labels[id] === undefined) return;
    this.labels[id] = undefined;
    this.properties[id] = undefined;
    this.deltas[id] = undefined;
    this.deleted[id] = 1;
    this.used--;
  }
}
