/**
 * Throw-away TLS material for tests: a self-signed certificate for `localhost` / `127.0.0.1`, made at test
 * time with `openssl` (Node cannot build X.509 certificates itself). CI installs openssl; where it is
 * missing, `makeTestCertificate()` returns null and TLS tests skip with {@link OPENSSL_MISSING}.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM certificate and its private key. */
export interface TestCertificate {
  readonly cert: string;
  readonly key: string;
}

export const OPENSSL_MISSING = 'openssl is not installed: TLS tests need it to make a throw-away certificate';

let cached: TestCertificate | null | undefined;

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed P-256 certificate valid for one day (cached per process), or null without openssl. */
export function makeTestCertificate(): TestCertificate | null {
  if (cached !== undefined) return cached;
  if (!hasOpenssl()) {
    cached = null;
    return cached;
  }
  const directory = mkdtempSync(join(tmpdir(), 'quiver-tls-'));
  try {
    const keyPath = join(directory, 'key.pem');
    const certPath = join(directory, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    cached = { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
    return cached;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
