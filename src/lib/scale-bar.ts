/** The scale bar drawn into exported images: a round distance and its length in pixels. */

/** Metres per CSS pixel at a latitude (degrees) and zoom, for MapLibre's 512 px world tiles. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  /** The distance the bar stands for, metres. */
  metres: number;
  /** The bar's length, CSS px. */
  px: number;
  /** "20 km", "500 m". */
  label: string;
}

/** The longest round distance (1, 2 or 5 × 10^n metres) whose bar fits in maxPx CSS px. */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const most = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].find((s) => s * pow <= most) ?? 1;
  const metres = step * pow;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / metresPerPx, label };
}
