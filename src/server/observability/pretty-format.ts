/** Fields every pino line has that the human format shows in its own way (or not at all). */
const HIDDEN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err']);

const LEVEL_COLOURS: Readonly<Record<string, string>> = {
  trace: '\u001b[90m',
  debug: '\u001b[36m',
  info: '\u001b[32m',
  warn: '\u001b[33m',
  error: '\u001b[31m',
  fatal: '\u001b[35m',
};
const RESET = '\u001b[0m';

/**
 * One pino JSON line in a form for people at a terminal (what pino-pretty would do, in a few lines):
 * `12:34:56.789 WARN  message key=value …`, then an error's stack indented below. A line that is not
 * JSON is passed on as it is.
 */
export function formatPrettyLine(line: string, colours: boolean): string {
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return line;
    entry = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 23) : '';
  const level = typeof entry['level'] === 'string' ? entry['level'] : 'info';
  const label = level.toUpperCase().padEnd(5);
  const colour = colours ? (LEVEL_COLOURS[level] ?? '') : '';
  const message = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  const fields = Object.keys(entry)
    .filter((key) => !HIDDEN_FIELDS.has(key))
    .map((key) => `${key}=${formatFieldValue(entry[key])}`);
  const head = [time, `${colour}${label}${colour === '' ? '' : RESET}`, message, ...fields]
    .filter((part) => part !== '')
    .join(' ');
  return `${head}\n${formatError(entry['err'])}`;
}

/** Plain words stay bare; anything with spaces, quotes or structure is written as JSON. */
function formatFieldValue(value: unknown): string {
  if (typeof value === 'string' && /^[^\s"=]+$/.test(value)) return value;
  return JSON.stringify(value);
}

function formatError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { stack, message } = error as { stack?: unknown; message?: unknown };
  const text = typeof stack === 'string' ? stack : typeof message === 'string' ? message : '';
  if (text === '') return '';
  return `${text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\n`;
}
