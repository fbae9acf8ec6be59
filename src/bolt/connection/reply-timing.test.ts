import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONCURRENT_READ_WINDOW_MS, ReplyTiming } from './reply-timing.js';

function clocked(): { timing: ReplyTiming; at: (ms: number) => void } {
  let now = 0;
  return {
    timing: new ReplyTiming(() => now),
    at: (ms) => {
      now = ms;
    },
  };
}

describe('ReplyTiming', () => {
  test('a connection that reads alone replies at once, however often it reads', () => {
    const { timing, at } = clocked();
    const a = {};
    for (let read = 0; read < 5; read++) {
      at(read * 0.01);
      assert.equal(timing.deferReply(a), false);
    }
  });

  test('a read shortly after another connection’s read defers the reply', () => {
    const { timing, at } = clocked();
    const a = {};
    const b = {};
    at(10);
    assert.equal(timing.deferReply(a), false);
    at(10 + CONCURRENT_READ_WINDOW_MS / 2);
    assert.equal(timing.deferReply(b), true);
    at(10 + CONCURRENT_READ_WINDOW_MS * 0.9);
    assert.equal(timing.deferReply(a), true);
  });

  test('once the other connection has been quiet for the window, replies go out at once again', () => {
    const { timing, at } = clocked();
    const a = {};
    const b = {};
    at(10);
    timing.deferReply(a);
    at(10 + CONCURRENT_READ_WINDOW_MS);
    assert.equal(timing.deferReply(b), false);
    at(100);
    assert.equal(timing.deferReply(a), false);
  });
});
