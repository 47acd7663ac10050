import { describe, expect, it } from 'vitest';
import { citationParts } from '../../../src/lib/citation';

describe('citationParts', () => {
  it('splits text and http(s) URLs, leaving sentence punctuation out of the URL', () => {
    expect(
      citationParts(
        'Reuters, 12 Nov 2015: http://uk.reuters.com/a?b=1. SOHR https://www.syriahr.com/en/37405/;',
      ),
    ).toEqual([
      { text: 'Reuters, 12 Nov 2015: ' },
      { url: 'http://uk.reuters.com/a?b=1', host: 'uk.reuters.com' },
      { text: '. SOHR ' },
      { url: 'https://www.syriahr.com/en/37405/', host: 'www.syriahr.com' },
      { text: ';' },
    ]);
  });

  it('never makes a link of anything but http(s)', () => {
    expect(citationParts('javascript:alert(1) and ftp://x.org and <b>bold</b>')).toEqual([
      { text: 'javascript:alert(1) and ftp://x.org and <b>bold</b>' },
    ]);
  });
});
