/**
 * One step of the LOAD CSV record parser over text that arrives in pieces: a record, a skipped blank line,
 * a request for more text (the record may continue past the end of what was read), the end of the input,
 * or a malformed record.
 */
export type CsvStep =
  | { readonly kind: 'record'; readonly fields: (string | null)[]; readonly next: number }
  | { readonly kind: 'blank'; readonly next: number }
  | { readonly kind: 'more' }
  | { readonly kind: 'end' }
  | { readonly kind: 'malformed'; readonly reason: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

const MORE: CsvStep = { kind: 'more' };
const END: CsvStep = { kind: 'end' };

function isNewline(code: number): boolean {
  return code === LF || code === CR;
}

/**
 * Parses the record starting at `start` of `text`. `atEnd` says that `text` holds the rest of the input;
 * otherwise a record touching the end of `text` is not complete yet and the step is `more`.
 *
 * The dialect is Neo4j's LOAD CSV (Cypher manual, "CSV file format"; Neo4j's `CSVResources` reader
 * configuration), followed here rule by rule:
 * - records end at `\n`, `\r\n` or `\r`; empty lines are skipped and are not records;
 * - a field that starts with `"` is quoted: it may hold the delimiter and line breaks (multiline fields),
 *   and a quote inside it is written `""` (RFC 4180) or `\"` (Neo4j's default legacy quote escaping,
 *   `dbms.import.csv.legacy_quote_escaping=true`); any other backslash is kept as it is;
 * - a quote inside an unquoted field is an ordinary character; text after a closing quote other than a
 *   delimiter or a line break is malformed (Neo4j rejects it too);
 * - values are never trimmed (`withTrimStrings(false)`);
 * - an empty field, quoted (`""`) or not, is null (`withEmptyQuotedStringsAsNull(true)` and empty values
 *   extracted as `NO_VALUE`).
 */
export function parseCsvRecord(text: string, start: number, delimiter: number, atEnd: boolean): CsvStep {
  const length = text.length;
  if (start >= length) return atEnd ? END : MORE;
  const first = text.charCodeAt(start);
  if (isNewline(first)) return { kind: 'blank', next: start + 1 };
  const fields: (string | null)[] = [];
  let position = start;
  for (;;) {
    const field =
      text.charCodeAt(position) === QUOTE
        ? quotedField(text, position, delimiter, atEnd)
        : unquotedField(text, position, delimiter, atEnd);
    if (field.kind !== 'field') return field;
    fields.push(field.value === '' ? null : field.value);
    // `field.end` is at the delimiter, a line break, or the end of the text.
    if (field.end >= length) return { kind: 'record', fields, next: length };
    const code = text.charCodeAt(field.end);
    if (code === delimiter) {
      position = field.end + 1;
      if (position >= length) {
        if (!atEnd) return MORE;
        // A trailing delimiter at the very end of the input ends with one more empty field.
        fields.push(null);
        return { kind: 'record', fields, next: length };
      }
      continue;
    }
    return { kind: 'record', fields, next: field.end + 1 };
  }
}

type FieldStep = { readonly kind: 'field'; readonly value: string; readonly end: number } | CsvStep;

function unquotedField(text: string, start: number, delimiter: number, atEnd: boolean): FieldStep {
  const length = text.length;
  let position = start;
  while (position < length) {
    const code = text.charCodeAt(position);
    if (code === delimiter || isNewline(code)) break;
    position++;
  }
  if (position >= length && !atEnd) return MORE;
  return { kind: 'field', value: text.slice(start, position), end: position };
}

function quotedField(text: string, start: number, delimiter: number, atEnd: boolean): FieldStep {
  const length = text.length;
  let value = '';
  let segment = start + 1;
  let position = segment;
  for (;;) {
    if (position >= length) {
      return atEnd
        ? { kind: 'malformed', reason: 'a quoted field is not closed before the end of the file' }
        : MORE;
    }
    const code = text.charCodeAt(position);
    if (code !== QUOTE && code !== BACKSLASH) {
      position++;
      continue;
    }
    // A quote or a backslash decides on the next character, which may not have been read yet.
    if (position + 1 >= length && !atEnd) return MORE;
    const next = position + 1 < length ? text.charCodeAt(position + 1) : -1;
    if (next === QUOTE) {
      value += text.slice(segment, position) + '"';
      position += 2;
      segment = position;
      continue;
    }
    if (code === BACKSLASH) {
      position++;
      continue;
    }
    value += text.slice(segment, position);
    const end = position + 1;
    if (end < length) {
      const after = text.charCodeAt(end);
      if (after !== delimiter && !isNewline(after)) {
        return { kind: 'malformed', reason: 'a quoted field has characters after its closing quote' };
      }
    }
    return { kind: 'field', value, end };
  }
}
