/**
 * The one application store (zustand, vanilla so the map can subscribe outside Preact).
 * Slices: time (t, playback), layers (visible kinds), selection (report, place), view (centre,
 * zoom, extent), compare (moment A; B is t), the report filter and pin window, and load
 * (problems). Times are epoch ms; positions [lon, lat].
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { CheckedFile } from '../data/check-file';
import type { Comparison } from '../data/compare/compare';
import { NO_FILTER, type ReportFilter } from '../data/filter/report-filter';
import type { PinWindow } from '../data/filter/pin-window';
import type { Problem } from '../data/problems';
import { clampTime } from '../data/timeline';
import { LAYER_KINDS, type LayerKind, type LonLat } from '../data/types';

export interface View {
  center: LonLat;
  zoom: number;
}

/** Speeds offered by Play, in data milliseconds per real second; `labelId` names their message. */
export const SPEEDS = [
  { labelId: 'speed.1h', msPerSecond: 3_600_000 },
  { labelId: 'speed.6h', msPerSecond: 21_600_000 },
  { labelId: 'speed.1d', msPerSecond: 86_400_000 },
  { labelId: 'speed.3d', msPerSecond: 259_200_000 },
] as const;

export interface AppState {
  domain: [number, number];
  t: number;
  playing: boolean;
  speed: number;
  visible: LayerKind[];
  selectedReport: string | null;
  view: View;
  /** Who last set the view: the map (a user pan) or the app (deep link, feed). Prevents echo. */
  viewOrigin: 'map' | 'app';
  problems: Problem[];
  /** What is still loading (e.g. "Loading reports… 3 of 12 files"), or null. */
  loading: string | null;
  /** A file the user is checking in the browser (dropped or picked), with its problems. */
  checked: CheckedFile | null;
  /** Drafting a pin: map clicks place it. */
  drafting: boolean;
  draftPoint: LonLat | null;
  /** Compare mode: moment A (moment B is t), or null when not comparing. */
  compareA: number | null;
  /** The comparison of A and B once computed (compare.ts), with the moments it is for. */
  comparison: Comparison | null;
  /** A place chosen in the search box: the map shows it and opens its popup. */
  selectedPlace: string | null;
  /** Which reports the map, feed, strip and compare show (data/filter/report-filter.ts). */
  filter: ReportFilter;
  /** Which of those the pins show: all so far, or the last 24 h / 7 d / 30 d before t. */
  pinWindow: PinWindow;
  /** The map's extent as [west, south, east, north] degrees, reported after every move. */
  extent: [number, number, number, number] | null;
  setTime(t: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(msPerSecond: number): void;
  toggleLayer(kind: LayerKind, on: boolean): void;
  setVisible(kinds: LayerKind[]): void;
  selectReport(id: string | null): void;
  setView(view: View, origin: 'map' | 'app'): void;
  addProblems(problems: Problem[]): void;
  setProblems(problems: Problem[]): void;
  setLoading(text: string | null): void;
  setChecked(file: CheckedFile | null): void;
  setDrafting(on: boolean): void;
  setDraftPoint(at: LonLat | null): void;
  setCompareA(a: number | null): void;
  setComparison(c: Comparison | null): void;
  selectPlace(id: string | null): void;
  setFilter(filter: ReportFilter): void;
  setPinWindow(w: PinWindow): void;
  setExtent(extent: [number, number, number, number]): void;
}

export interface InitialState {
  domain: [number, number];
  t: number;
  view: View;
  visible?: LayerKind[];
  problems?: Problem[];
  compareA?: number | null;
  filter?: ReportFilter;
  pinWindow?: PinWindow;
}

export function createAppStore(init: InitialState) {
  return createStore<AppState>()(
    subscribeWithSelector((set, get) => ({
      domain: init.domain,
      t: clampTime(init.t, init.domain),
      playing: false,
      speed: SPEEDS[1].msPerSecond,
      visible: init.visible ?? [...LAYER_KINDS],
      selectedReport: null,
      view: init.view,
      viewOrigin: 'app',
      problems: init.problems ?? [],
      loading: null,
      checked: null,
      drafting: false,
      draftPoint: null,
      compareA:
        init.compareA === undefined || init.compareA === null
          ? null
          : clampTime(init.compareA, init.domain),
      comparison: null,
      selectedPlace: null,
      filter: init.filter ?? NO_FILTER,
      pinWindow: init.pinWindow ?? 'all',
      extent: null,
      setTime: (t) => set({ t: clampTime(t, get().domain) }),
      setPlaying: (playing) => set({ playing }),
      setSpeed: (speed) => set({ speed }),
      toggleLayer: (kind, on) => {
        const rest = get().visible.filter((k) => k !== kind);
        set({ visible: LAYER_KINDS.filter((k) => (k === kind ? on : rest.includes(k))) });
      },
      setVisible: (kinds) => set({ visible: LAYER_KINDS.filter((k) => kinds.includes(k)) }),
      selectReport: (id) => set({ selectedReport: id }),
      setView: (view, origin) => set({ view, viewOrigin: origin }),
      addProblems: (problems) => set({ problems: [...get().problems, ...problems] }),
      setProblems: (problems) => set({ problems }),
      setLoading: (loading) => set({ loading }),
      setChecked: (checked) => set({ checked }),
      setDrafting: (drafting) => set({ drafting }),
      setDraftPoint: (draftPoint) => set({ draftPoint }),
      setCompareA: (a) =>
        set({
          compareA: a === null ? null : clampTime(a, get().domain),
          ...(a === null ? { comparison: null } : {}),
        }),
      setComparison: (comparison) => set({ comparison }),
      selectPlace: (selectedPlace) => set({ selectedPlace }),
      setFilter: (filter) => set({ filter }),
      setPinWindow: (pinWindow) => set({ pinWindow }),
      setExtent: (extent) => set({ extent }),
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
