import { describe, expect, it } from 'vitest';
import {
  embedCode,
  embedModeFrom,
  embedUrl,
  type Moment,
  momentLink,
} from '../../../src/lib/share-links';
import { parseHash } from '../../../src/state/url';

const moment: Moment = {
  t: Date.parse('2015-10-23T23:34:00Z'),
  center: [37.2, 36.05],
  zoom: 8.6,
  layers: ['zones', 'places', 'reports'],
};

describe('share links', () => {
  it('a moment link holds time, view and layers, and drops app-only parameters', () => {
    const link = momentLink('https://example.org/map/?time=keyed&embed=locked#t=x', moment);
    expect(link).toBe(
      'https://example.org/map/#t=2015-10-23T23:34:00Z&c=37.20000,36.05000&z=8.60&l=zones,places,reports',
    );
    expect(parseHash(new URL(link).hash)).toEqual(moment);
  });

  it('keeps the dataset parameter, so the link shows the same data', () => {
    const link = embedUrl('https://example.org/?dataset=other%2Fdataset.json', moment, 'locked');
    const url = new URL(link);
    expect(url.searchParams.get('dataset')).toBe('other/dataset.json');
    expect(url.searchParams.get('embed')).toBe('locked');
    expect(embedModeFrom(link)).toBe('locked');
  });

  it("keeps the interface language: the page's ?lang= in links, the chosen one in embeds", () => {
    const page = 'https://example.org/map/?lang=ar&time=keyed';
    expect(new URL(momentLink(page, moment)).searchParams.get('lang')).toBe('ar');
    expect(new URL(embedUrl(page, moment, 'locked')).searchParams.get('lang')).toBe('ar');
    // A page without ?lang= (the browser's language chose): links leave it to the reader's...
    expect(new URL(momentLink('https://example.org/', moment)).searchParams.has('lang')).toBe(
      false,
    );
    // ...the embed code carries the language the sharer was using.
    const src = embedUrl('https://example.org/', moment, 'locked', 'ar');
    expect(new URL(src).searchParams.get('lang')).toBe('ar');
    expect(embedCode({ src, width: 640, height: 400, title: 'x' })).toContain('lang=ar');
    expect(
      new URL(momentLink('https://example.org/?lang=xx', moment)).searchParams.has('lang'),
    ).toBe(false);
  });

  it('reads the embed mode, and only the known ones', () => {
    expect(embedModeFrom('https://x.org/?embed=replayable')).toBe('replayable');
    expect(embedModeFrom('https://x.org/?embed=1')).toBeNull();
    expect(embedModeFrom('https://x.org/')).toBeNull();
  });
});

describe('embed code', () => {
  it('is one lazy, titled, full-screen-capable iframe of the chosen size', () => {
    const src = embedUrl('https://example.org/', moment, 'replayable');
    const code = embedCode({ src, width: 640, height: 400, title: 'Aleppo front, 23 Oct 2015' });
    expect(code).toMatch(/^<iframe [^>]*><\/iframe>$/);
    expect(code).toContain(`src="${src.replace(/&/g, '&amp;')}"`);
    expect(code).toContain('width="640"');
    expect(code).toContain('height="400"');
    expect(code).toContain('title="Aleppo front, 23 Oct 2015"');
    expect(code).toContain('loading="lazy"');
    expect(code).toContain(' allowfullscreen');
  });

  it('escapes quotes and markup in the title, and clamps sizes to 300x250..1280x800', () => {
    const code = embedCode({ src: 'https://e.org/', width: 10, height: 5000, title: '"><script>' });
    expect(code).toContain('title="&quot;&gt;&lt;script&gt;"');
    expect(code).not.toContain('<script>');
    expect(code).toContain('width="300"');
    expect(code).toContain('height="800"');
  });
});
