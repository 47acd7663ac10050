import { describe, expect, it } from 'vitest';
import { resolveManifestUrl } from '../../src/config';

describe('resolveManifestUrl', () => {
  const page = 'https://maps.example.org/conflict/index.html';
  it('defaults to the shipped dataset relative to the page', () => {
    expect(resolveManifestUrl(page, undefined)).toEqual({
      url: 'https://maps.example.org/conflict/data/dataset.json',
    });
  });
  it('uses the build-time setting', () => {
    expect(resolveManifestUrl(page, '/other/manifest.json').url).toBe(
      'https://maps.example.org/other/manifest.json',
    );
  });
  it('accepts a same-origin dataset parameter and refuses another origin', () => {
    expect(resolveManifestUrl(`${page}?dataset=alt/dataset.json`, undefined).url).toBe(
      'https://maps.example.org/conflict/alt/dataset.json',
    );
    const r = resolveManifestUrl(`${page}?dataset=https://evil.example.com/d.json`, undefined);
    expect(r.url).toBe('https://maps.example.org/conflict/data/dataset.json');
    expect(r.refused).toMatch(/only name a manifest on this site/);
  });
});
