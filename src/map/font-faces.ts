/** The label font, declared through the style's font-faces (no glyph server). */
import type { FontFacesSpecification } from 'maplibre-gl';

export const FONT = 'Noto Sans Regular';

/** Font files for labels: Latin and Arabic, bundled from npm (see src/map/fonts.ts). */
export interface FontUrls {
  latin: string;
  arabic: string;
}

export function fontFaces(fonts: FontUrls): FontFacesSpecification {
  return {
    [FONT]: [
      {
        url: fonts.arabic,
        'unicode-range': [
          'U+0600-06FF',
          'U+0750-077F',
          'U+08A0-08FF',
          'U+FB50-FDFF',
          'U+FE70-FEFF',
        ],
      },
      {
        url: fonts.latin,
        'unicode-range': ['U+0000-024F', 'U+1E00-1EFF', 'U+2000-206F', 'U+20AC'],
      },
    ],
  };
}
