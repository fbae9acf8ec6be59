/**
 * One CSV record as the parser hands it over: the text it lies in and the start and end of each field,
 * without a string per field. Consumers take only what they need: ids and integers are read straight from
 * the characters (`digitsValue`), and a string is sliced only for a field that becomes a string value. The
 * parser reuses one record for every line, so a consumer must not keep it past the callback.
 */

/** A field: its text, or `undefined` for an empty field that was not quoted (neo4j-admin: no value). */
export type CsvField = string | undefined;

/** The largest value `digitsValue` reads: 15 digits always fit a double exactly. */
const MAX_DIGITS = 15;

/** A reusable view of one record: field `index` is `text.slice(starts[index], ends[index])`. */
export class CsvRecord {
  /** The text holding the fields (the parser's chunk, or the unescaped fields of a quoted record). */
  text = '';
  /** The number of fields. */
  count = 0;
  /** Where each field starts; -1 for an absent field (empty and not quoted). */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /** Starts a new record over `text` (the parser's side). */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
  }

  /** Appends field `text[start, end)`; an empty unquoted field is passed as `start` -1 (parser's side). */
  add(start: number, end: number): void {
    const at = this.count;
    if (at === this.starts.length) this.grow();
    this.starts[at] = start;
    this.ends[at] = end;
    this.count = at + 1;
  }

  /** Makes the record hold `fields` (a quoted record, whose fields are not slices of the chunk). */
  assign(fields: readonly CsvField[]): void {
    let text = '';
    this.reset('');
    for (const field of fields) {
      if (field === undefined) {
        this.add(-1, -1);
        continue;
      }
      this.add(text.length, text.length + field.length);
      text += field;
    }
    this.text = text;
  }

  /** Whether field `index` is absent (an empty unquoted field, or past the last field). */
  isAbsent(index: number): boolean {
    return index >= this.count || (this.starts[index] ?? -1) < 0;
  }

  /** The text of field `index`, or `undefined` when it is absent. */
  field(index: number): CsvField {
    if (index >= this.count) return undefined;
    const start = this.starts[index] ?? -1;
    return start < 0 ? undefined : this.text.slice(start, this.ends[index]);
  }

  /** Every field as text (the header line, tests). */
  fields(): CsvField[] {
    const fields: CsvField[] = [];
    for (let index = 0; index < this.count; index++) fields.push(this.field(index));
    return fields;
  }

  /**
   * The value of field `index` when it is 1 to 15 decimal digits (leading zeros allowed, no sign, no
   * spaces), else -1: the fast path for ids and integer columns, which needs no string.
   * With `canonical`, a leading zero (other than `0` itself) also gives -1.
   */
  digitsValue(index: number, canonical = false): number {
    if (index >= this.count) return -1;
    const start = this.starts[index] ?? -1;
    const end = this.ends[index] ?? -1;
    const length = end - start;
    if (start < 0 || length === 0 || length > MAX_DIGITS) return -1;
    const text = this.text;
    let value = 0;
    for (let at = start; at < end; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    if (canonical && length > 1 && text.charCodeAt(start) === 48) return -1;
    return value;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
