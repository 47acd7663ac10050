/**
 * Message ids of values the app names (report statuses, pin windows), written out in full: the
 * build shortens every id it finds as a literal (vite.config.ts), so ids are never assembled.
 */
import type { PinWindow } from '../data/filter/pin-window';
import type { ReportStatus } from '../data/types';
import type { MessageId } from './i18n';

/** "Confirmed", as a label of its own (filters, feed, popups). */
export const STATUS_LABEL: Record<ReportStatus, MessageId> = {
  confirmed: 'status.confirmed',
  claimed: 'status.claimed',
  unconfirmed: 'status.unconfirmed',
};
/** "confirmed", inside a sentence ("Report: confirmed"). */
export const STATUS_IN_TEXT: Record<ReportStatus, MessageId> = {
  confirmed: 'status.confirmedLower',
  claimed: 'status.claimedLower',
  unconfirmed: 'status.unconfirmedLower',
};
/** "Last 7 days", as a choice. */
export const WINDOW_LABEL: Record<PinWindow, MessageId> = {
  all: 'window.all',
  '24h': 'window.24h',
  '7d': 'window.7d',
  '30d': 'window.30d',
};
/** "last 7 days", inside a heading ("Reports, last 7 days"). */
export const WINDOW_IN_TEXT: Record<PinWindow, MessageId> = {
  all: 'window.allLower',
  '24h': 'window.24hLower',
  '7d': 'window.7dLower',
  '30d': 'window.30dLower',
};
