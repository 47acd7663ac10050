/**
 * The one application store (zustand, vanilla so the map can subscribe outside Preact).
 * Slices: time (t, playback), layers (visible kinds), selection (report), view (centre, zoom),
 * and load (problems). Times are epoch ms; positions [lon, lat].
 */
import { subscribeWithSelector } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { CheckedFile } from '../data/check-file';
import type { Problem } from '../data/problems';
import { clampTime } from '../data/timeline';
import { LAYER_KINDS, type LayerKind, type LonLat } from '../data/types';

export interface View {
  center: LonLat;
  zoom: number;
}

/** Speeds offered by Play, in data milliseconds per real second. */
export const SPEEDS = [
  { label: '1 hour / s', msPerSecond: 3_600_000 },
  { label: '6 hours / s', msPerSecond: 21_600_000 },
  { label: '1 day / s', msPerSecond: 86_400_000 },
  { label: '3 days / s', msPerSecond: 259_200_000 },
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
}

export interface InitialState {
  domain: [number, number];
  t: number;
  view: View;
  visible?: LayerKind[];
  problems?: Problem[];
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
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
