import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseError } from '../../errors/index.js';
import { resolveCsvPath } from './load-csv-url.js';

const ROOT = '/srv/quiver/import';

function refused(
  url: unknown,
  message: RegExp,
  code = 'Neo.ClientError.Statement.ExternalResourceFailed',
): void {
  assert.throws(
    () => resolveCsvPath(url as string, ROOT),
    (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.equal(error.status.code, code);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('resolveCsvPath', () => {
  it('resolves file:/// URLs inside the import directory', () => {
    assert.equal(resolveCsvPath('file:///artists.csv', ROOT), '/srv/quiver/import/artists.csv');
    assert.equal(resolveCsvPath('file:///data/a.csv', ROOT), '/srv/quiver/import/data/a.csv');
    assert.equal(resolveCsvPath('FILE:///a.csv', ROOT), '/srv/quiver/import/a.csv');
  });

  it('decodes percent-encoded characters', () => {
    assert.equal(resolveCsvPath('file:///my%20file.csv', ROOT), '/srv/quiver/import/my file.csv');
  });

  it('keeps dot segments inside the import directory, like a chroot', () => {
    assert.equal(resolveCsvPath('file:///../../etc/passwd', ROOT), '/srv/quiver/import/etc/passwd');
    assert.equal(resolveCsvPath('file:///a/../b.csv', ROOT), '/srv/quiver/import/b.csv');
  });

  it('refuses encoded paths that would leave the import directory', () => {
    refused('file:///..%2F..%2Fetc%2Fpasswd', /leaves the import directory/);
    refused('file:///%2E%2E%2Fsecret.csv', /leaves the import directory/);
  });

  it('accepts a file whose name merely starts with two dots', () => {
    assert.equal(resolveCsvPath('file:///..hidden.csv', ROOT), '/srv/quiver/import/..hidden.csv');
  });

  it('refuses a URL without a scheme with Neo4j’s wording', () => {
    refused('artists.csv', /^Invalid URL 'artists\.csv': no protocol: artists\.csv$/);
  });

  it('refuses remote URLs, saying the executor is synchronous', () => {
    refused('https://data.neo4j.com/bands/artists.csv', /synchronous/);
    refused('http://example.com/a.csv', /synchronous/);
    refused('ftp://example.com/a.csv', /synchronous/);
  });

  it('refuses unknown schemes and file URLs that name a host', () => {
    refused('gopher://x/a.csv', /unknown protocol: gopher/);
    refused('file://artists.csv', /names no host; write file:\/\/\/artists\.csv/);
  });

  it('refuses a URL that is not a string with a type error', () => {
    refused(42n, /expected String but was Integer/, 'Neo.ClientError.Statement.TypeError');
    refused(null, /expected String but was/, 'Neo.ClientError.Statement.TypeError');
  });
});
