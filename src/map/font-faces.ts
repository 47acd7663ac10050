/** The label font, declared through the style's font-faces (no glyph server). */
import type { FontFacesSpecification } from 'maplibre-gl';

export const FONT = 'Noto Sans Regular';

/** Font files for labels, bundled from npm (see src/map/fonts.ts). */
export interface FontUrls {
  /** Noto Sans, fontsource's `latin` subset. */
  latin: string;
  /** Noto Sans, `latin-ext`: ā, ş, Ḩ, İ … of transliterated Arabic names. */
  latinExt: string;
  /** Noto Sans Arabic, `arabic`. */
  arabic: string;
  /** Noto Sans Arabic, `math`: the only bundled file with the combining cedilla of "az̧ Z̧uhūr". */
  marks: string;
}

/**
 * What each file holds, as fontsource states it (`unicode.json` of @fontsource/noto-sans and
 * @fontsource/noto-sans-arabic, checked by tests/unit/map/font-faces.test.ts). A code point a
 * face claims but its file lacks, or one no face claims, is drawn from the machine's own fonts:
 * other letters on every machine, and the first such glyph made the page look its fonts up (a
 * 35–470 ms task in headless Chromium; docs/performance.md, "Label glyphs").
 */
export const FACE_RANGES = {
  arabic: [
    'U+0600-06FF',
    'U+0750-077F',
    'U+0870-088E',
    'U+0890-0891',
    'U+0897-08E1',
    'U+08E3-08FF',
    'U+FB50-FDFF',
    'U+FE70-FE74',
    'U+FE76-FEFC',
  ],
  latin: [
    'U+0000-00FF',
    'U+0131',
    'U+0152-0153',
    'U+02BB-02BC',
    'U+02C6',
    'U+02DA',
    'U+02DC',
    'U+0304',
    'U+0308',
    'U+0329',
    'U+2000-206F',
    'U+20AC',
    'U+2122',
    'U+2191',
    'U+2193',
    'U+2212',
    'U+2215',
  ],
  latinExt: [
    'U+0100-02BA',
    'U+02BD-02C5',
    'U+02C7-02CC',
    'U+02CE-02D7',
    'U+02DD-02FF',
    'U+1D00-1DBF',
    'U+1E00-1E9F',
    'U+1EF2-1EFF',
    'U+2020',
    'U+20A0-20AB',
    'U+20AD-20C0',
    'U+2113',
    'U+2C60-2C7F',
    'U+A720-A7FF',
  ],
  marks: ['U+0302-0303', 'U+0305', 'U+0307', 'U+0326-0327', 'U+032C', 'U+032F-0330'],
} as const satisfies Record<keyof FontUrls, readonly string[]>;

export function fontFaces(fonts: FontUrls): FontFacesSpecification {
  return {
    [FONT]: (Object.keys(FACE_RANGES) as (keyof FontUrls)[]).map((face) => ({
      url: fonts[face],
      'unicode-range': [...FACE_RANGES[face]],
    })),
  };
}
