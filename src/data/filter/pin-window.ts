/**
 * The pins' time window: every report known at t (the default), or only those reported in the
 * last 24 hours, 7 or 30 days before t. A report is in the window when
 * t − window < reported_at ≤ t. Times in epoch ms.
 */
export const PIN_WINDOWS = ['all', '24h', '7d', '30d'] as const;
export type PinWindow = (typeof PIN_WINDOWS)[number];

const DAY = 86_400_000;
/** Length of each window in ms (Infinity: everything so far). */
export const WINDOW_MS: Record<PinWindow, number> = {
  all: Number.POSITIVE_INFINITY,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
};

export const WINDOW_LABEL: Record<PinWindow, string> = {
  all: 'All so far',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** The exclusive start of the window ending at t (−Infinity for "all"). */
export function windowStart(t: number, w: PinWindow): number {
  return t - WINDOW_MS[w];
}

/** A window name from text (the URL), or null. */
export function parseWindow(text: string | null | undefined): PinWindow | null {
  return PIN_WINDOWS.find((w) => w === text) ?? null;
}
