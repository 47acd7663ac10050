/**
 * Label fonts bundled from npm (Noto Sans, Latin and Arabic), so every machine draws the same
 * letters and no glyph server is needed. Vite turns these imports into hashed asset URLs.
 */
import arabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { FontUrls } from './font-faces';

/** Absolute URLs of the font files (MapLibre fetches them itself, so relative paths won't do). */
export function bundledFontUrls(base: string = document.baseURI): FontUrls {
  return { latin: new URL(latin, base).href, arabic: new URL(arabic, base).href };
}
