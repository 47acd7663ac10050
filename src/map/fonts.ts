/**
 * Label fonts bundled from npm (Noto Sans, Latin and Arabic), so every machine draws the same
 * letters and no glyph server is needed. Vite turns these imports into hashed asset URLs; the
 * browser fetches a file only once a label needs one of its letters.
 */
import arabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import marks from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-math-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import type { FontUrls } from './font-faces';

/** Absolute URLs of the font files (MapLibre fetches them itself, so relative paths won't do). */
export function bundledFontUrls(base: string = document.baseURI): FontUrls {
  const at = (path: string) => new URL(path, base).href;
  return { latin: at(latin), latinExt: at(latinExt), arabic: at(arabic), marks: at(marks) };
}
