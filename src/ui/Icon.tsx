/**
 * An icon drawn as inline SVG from lucide's icon data, so every browser shows it without relying
 * on the system having a font with the glyph (Debian's Chromium showed ⏮/⏭ as empty boxes).
 * Icons are imported one by one (`import { SkipBack } from 'lucide'`; the package is
 * side-effect free, so only the imported ones reach the bundle).
 *
 * Decorative: the button around it carries the accessible name, so the SVG is hidden from
 * assistive technology.
 */
import type { IconNode } from 'lucide';

export function Icon({ icon, size = 20 }: { icon: IconNode; size?: number }) {
  return (
    <svg
      class="icon"
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {icon.map(([tag, attrs], i) => {
        const Tag = tag as 'path';
        return <Tag key={i} {...(attrs as Record<string, string>)} />;
      })}
    </svg>
  );
}
