import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAddress } from './address.js';

describe('parseAddress', () => {
  test('host:port and a bare host default to bolt and port 7687', () => {
    assert.deepEqual(parseAddress('db.example:7000'), {
      host: 'db.example',
      port: 7000,
      transport: 'tcp',
      tls: null,
      url: 'bolt://db.example:7000',
    });
    assert.deepEqual(parseAddress('localhost'), parseAddress('bolt://localhost:7687'));
  });

  test('the TLS schemes verify (+s) or accept self-signed certificates (+ssc)', () => {
    const secure = parseAddress('neo4j+s://graph.example');
    const selfSigned = parseAddress('bolt+ssc://127.0.0.1:7688/');
    assert.ok(!('error' in secure) && !('error' in selfSigned));
    assert.deepEqual(secure.tls, { rejectUnauthorized: true });
    assert.deepEqual(selfSigned.tls, { rejectUnauthorized: false });
    assert.equal(selfSigned.url, 'bolt+ssc://127.0.0.1:7688');
  });

  test('IPv6 hosts are written in brackets', () => {
    const address = parseAddress('bolt://[::1]:7687');
    assert.ok(!('error' in address));
    assert.equal(address.host, '::1');
    assert.equal(address.url, 'bolt://[::1]:7687');
  });

  test('WebSocket schemes select the WebSocket transport', () => {
    const address = parseAddress('ws://localhost:7474');
    assert.ok(!('error' in address));
    assert.equal(address.transport, 'websocket');
  });

  test('unknown schemes, bad ports and junk are reported, not thrown', () => {
    const errorOf = (text: string): string => {
      const parsed = parseAddress(text);
      return 'error' in parsed ? parsed.error : 'parsed';
    };
    assert.match(errorOf('http://x'), /Unsupported scheme "http"/);
    assert.match(errorOf('x:99999'), /Invalid port/);
    assert.match(errorOf('a b:1'), /Invalid address/);
  });
});
