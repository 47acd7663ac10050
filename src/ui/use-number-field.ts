/**
 * A whole-number field that keeps what the user types. The text lives in state on every
 * keystroke, so a re-render while they type (a format check answering, the store moving) never
 * puts the old number back into the field; the number used is the text clamped to [min, max],
 * and leaving the field shows that number.
 */
import { useState } from 'preact/hooks';

/** The number `text` asks for: rounded, within [min, max]; `fallback` if it is not a number. */
export function clampWhole(text: string, min: number, max: number, fallback: number): number {
  const n = Math.round(Number(text));
  if (text.trim() === '' || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

export function useNumberField(initial: number, min: number, max: number) {
  const [text, setText] = useState(String(initial));
  const value = clampWhole(text, min, max, initial);
  const props = {
    type: 'number',
    min,
    max,
    value: text,
    onInput: (e: Event) => setText((e.currentTarget as HTMLInputElement).value),
    onChange: (e: Event) =>
      setText(String(clampWhole((e.currentTarget as HTMLInputElement).value, min, max, initial))),
  } as const;
  return [value, props] as const;
}
