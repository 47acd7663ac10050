import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { attributionList, citingOf, MARKER } from '../../../scripts/lib/attribution';
import { attributionText } from '../../../scripts/lib/attribution-files';

const repo = (p: string) => new URL(`../../../${p}`, import.meta.url).pathname;

describe('data/ATTRIBUTION.md', () => {
  it('lists every page the data cites (run npm run build-attribution after editing data)', async () => {
    const current = await readFile(repo('data/ATTRIBUTION.md'), 'utf8');
    expect(current).toContain(MARKER);
    expect(await attributionText(repo('data'), current)).toBe(current);
  });

  it('groups pages by site and names what cites each, trimming punctuation after a URL', () => {
    const text = attributionList(
      citingOf({
        manifest: { sources: [] },
        posts: [{ id: 'p1', url: 'https://www.example.org/a' } as { id: string }],
        places: [
          {
            id: 'x',
            properties: { control: [{ source: 'Example, 1 Oct: https://example.org/a.' }] },
          },
        ],
        reports: [],
        broad: [],
      }),
    );
    expect(text).toContain('### example.org (2)');
    expect(text).toContain('- <https://example.org/a> — place x');
    expect(text).toContain('- <https://www.example.org/a> — post p1');
  });
});
