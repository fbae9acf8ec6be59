/**
 * A generic PackStream structure: a tag byte and a list of fields. PackStream gives tags no meaning; Bolt
 * maps them to messages (outermost struct) or values (nested structs) through the hydrate/dehydrate hooks.
 *
 * The constructor does not validate, because the decoder builds one per struct on the hot path and legacy
 * `DC`/`DD` input may carry more than 15 fields. The packer checks tag (0…127) and field count (≤ 15) on output.
 */
export class Structure {
  /** Tag byte, 0…127 (for example `0x4E` Node, `0x70` SUCCESS). */
  readonly tag: number;
  readonly fields: readonly unknown[];

  constructor(tag: number, fields: readonly unknown[]) {
    this.tag = tag;
    this.fields = fields;
  }
}
