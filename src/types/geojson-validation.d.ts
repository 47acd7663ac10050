// geojson-validation ships no type declarations; these cover the calls we make.
declare module 'geojson-validation' {
  /** With trace=true returns the list of problems (empty when valid). */
  export function isFeature(feature: unknown, trace: true): string[];
  export function isFeature(feature: unknown, trace?: false): boolean;
}
