/**
 * The hash of the app's data code (src/data, src/lib: validation, map features, the zone mesh)
 * this build was made from, written in by Vite (`define` in vite.config.ts, computed by
 * scripts/lib/data-code-hash.ts, as `npm run compile-data` computes it). A compiled file made by
 * other code is not used: its validation or mesh could differ. Empty outside a Vite build.
 */
declare const __DATA_CODE_HASH__: string | undefined;

export const DATA_CODE_HASH: string =
  typeof __DATA_CODE_HASH__ === 'string' ? __DATA_CODE_HASH__ : '';
