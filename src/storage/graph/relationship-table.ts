import type { Delta } from '../mvcc/delta.js';
import { ensureInt32, ensureUint8 } from './growable.js';
import type { PropertyMap } from './property-map.js';

/**
 * The newest version of every relationship, as parallel arrays indexed by relationship id. Type and
 * endpoints never change, so they live in int32 arrays (12 bytes per relationship); `type` is -1 in a free
 * slot. Ids are increasing and never reused (see `NodeTable`).
 */
export class RelationshipTable {
  type = new Int32Array(16).fill(-1);
  start = new Int32Array(16);
  end = new Int32Array(16);
  /** 1 when the newest version is deleted. */
  deleted = new Uint8Array(16);
  readonly properties: (PropertyMap | undefined)[] = [];
  readonly deltas: (Delta | undefined)[] = [];
  private used = 0;

  /** One past the highest id ever handed out. */
  get highWaterMark(): number {
    return this.properties.length;
  }

  /** Slots that hold a relationship (possibly deleted in its newest version). */
  get usedSlots(): number {
    return this.used;
  }

  /** Takes the next id for a new relationship. */
  allocate(type: number, start: number, end: number, properties: PropertyMap | undefined): number {
    const id = this.properties.length;
    this.properties.push(properties);
    this.deltas.push(undefined);
    this.place(id, type, start, end);
    return id;
  }

  /** Puts a relationship back under a known id (recovery). */
  allocateAt(
    id: number,
    type: number,
    start: number,
    end: number,
    properties: PropertyMap | undefined,
  ): void {
    while (this.properties.length <= id) {
      this.properties.push(undefined);
      this.deltas.push(undefined);
    }
    this.properties[id] = properties;
    if (this.isInUse(id)) this.used--;
    this.place(id, type, start, end);
  }

  private place(id: number, type: number, start: number, end: number): void {
    this.type = ensureInt32(this.type, id, -1);
    this.start = ensureInt32(this.start, id);
    this.end = ensureInt32(this.end, id);
    this.deleted = ensureUint8(this.deleted, id);
    this.type[id] = type;
    this.start[id] = start;
    this.end[id] = end;
    this.deleted[id] = 0;
    this.used++;
  }

  /** Whether slot `id` holds a relationship in some version. */
  isInUse(id: number): boolean {
    return id >= 0 && id < this.properties.length && (this.type[id] ?? -1) >= 0;
  }

  /** Releases a slot once no transaction can see its relationship any more. */
  free(id: number): void {
    if (!this.isInUse(id)) return;
    this.type[id] = -1;
    this.deleted[id] = 1;
    this.properties[id] = undefined;
    this.deltas[id] = undefined;
    this.used--;
  }
}
