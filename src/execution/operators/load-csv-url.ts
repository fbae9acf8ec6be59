import { isAbsolute, relative, resolve, sep } from 'node:path';
import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';

/**
 * Resolves the URL of a LOAD CSV clause to an absolute file path inside the import directory, the way
 * Neo4j resolves `file:///` URLs against `server.directories.import` (Cypher manual, LOAD CSV,
 * "Configuration settings for file URLs"): `file:///data/a.csv` reads `<importDirectory>/data/a.csv`, with
 * percent-encoded characters decoded (`file:///my%20file.csv`). A path that leaves the import directory is
 * refused, like Neo4j's chroot-like import root.
 * @throws DatabaseError `Neo.ClientError.Statement.ExternalResourceFailed` for a URL without a scheme, a
 *   scheme other than `file` (remote URLs are refused: the executor is synchronous and does not fetch), a
 *   file URL naming a host, or a path outside the import directory.
 * @throws CypherTypeError (`Neo.ClientError.Statement.TypeError`) when the URL is not a string.
 */
export function resolveCsvPath(url: CypherValue, importDirectory: string): string {
  if (typeof url !== 'string') throw typeMismatch('String', url);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) throw externalResourceFailed(`Invalid URL '${url}': no protocol: ${url}`);
  if (scheme === 'http' || scheme === 'https' || scheme === 'ftp') {
    throw externalResourceFailed(
      `Cannot load from URL '${url}': Quiver reads only file:/// URLs. Its query executor is synchronous and ` +
        'does not fetch remote resources; download the file into the import directory and use a file:/// URL',
    );
  }
  if (scheme !== 'file') throw externalResourceFailed(`Invalid URL '${url}': unknown protocol: ${scheme}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw externalResourceFailed(`Invalid URL '${url}': malformed file URL`);
  }
  if (parsed.host !== '') {
    throw externalResourceFailed(
      `Cannot load from URL '${url}': a file URL names no host; write file:///${parsed.host}${parsed.pathname}`,
    );
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    throw externalResourceFailed(`Invalid URL '${url}': malformed percent-encoding`);
  }
  const root = resolve(importDirectory);
  // `URL` already removed `.` and `..` segments; decoding may have produced new ones (`%2E%2E%2F`).
  const path = resolve(root, `.${decoded}`);
  const inside = relative(root, path);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) || decoded.includes('\0')) {
    throw externalResourceFailed(
      `Cannot load from URL '${url}': the path leaves the import directory ${root}`,
    );
  }
  return path;
}

function externalResourceFailed(message: string): DatabaseError {
  return new DatabaseError(Status.ExternalResourceFailed, message);
}
