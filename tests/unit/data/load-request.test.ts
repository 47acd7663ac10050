/**
 * The loading worker's request travels in its name (src/data/load/load-request.ts): what the
 * page writes, the worker reads back whole, and a worker with any other name loads nothing.
 */
import { describe, expect, it } from 'vitest';
import { requestAsName, requestFromName } from '../../../src/data/load/load-request';

describe('the load request in a worker name', () => {
  it('comes back whole, with or without an opening time', () => {
    const withTime = {
      url: 'https://example.org/data/dataset.json?x=1&y="2"',
      topology: false,
      openAt: 1_445_558_400_000,
    };
    expect(requestFromName(requestAsName(withTime))).toEqual(withTime);
    const without = { url: 'http://127.0.0.1:4173/data/dataset.json', topology: true };
    expect(requestFromName(requestAsName(without))).toEqual(without);
  });

  it('is no request for any other name, nor for a malformed one', () => {
    for (const name of ['', 'loader', '{"url":"a","topology":false}', 'load:{', 'load:null'])
      expect(requestFromName(name), name).toBeNull();
    expect(requestFromName('load:{"url":1,"topology":false}')).toBeNull();
    expect(requestFromName('load:{"url":"a"}')).toBeNull();
  });
});
