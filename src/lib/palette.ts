/**
 * Colours and labels that both the map (src/map/style.ts, the pin shader) and the page (legend,
 * feed, filters) use, kept below both so the UI never imports the map's style module.
 */

/** The colour of a place or zone whose controller is not known. */
export const UNKNOWN_COLOR = '#9e9e9e';

/** Colours of report pins by status: fill and stroke. */
export const STATUS_STYLE = {
  confirmed: { fill: '#1a1a1a', stroke: '#ffffff', label: 'Confirmed' },
  claimed: { fill: '#7f7f7f', stroke: '#ffffff', label: 'Claimed by a party' },
  unconfirmed: { fill: '#ffffff', stroke: '#1a1a1a', label: 'Unconfirmed' },
} as const;

/** Front lines: near-black, dashed, on a white casing, legible over every faction colour. */
export const FRONT_COLOR = '#1a1a1a';
