/**
 * Above the slider: reports per day (grey, upward) and control changes per day (orange,
 * downward), with the post ticks, so a user sees where the action is before scrubbing. Hovering
 * a day shows its counts (the slider, just below, is how to move). Counts: dailyCounts (density.ts),
 * of the reports the filter lets through.
 */
import { useMemo, useState } from 'preact/hooks';
import { type DayCount, dailyCounts } from '../../data/density';
import { formatUtcDate } from '../../lib/time';
import { useApp, useFilteredReports } from '../use-app-state';
import { t, uiLang } from '../../i18n/i18n';
import { dirOf } from '../../lib/lang';

const W = 1000;
const H = 36;
const MID = 22;

export function DensityChart() {
  const { dataset, timeline } = useApp();
  const [start, end] = timeline.domain;
  // The filtered reports: the strip shows where the reports the analyst asked for are.
  const shown = useFilteredReports();
  const days = useMemo(
    () => dailyCounts(dataset, timeline.domain, shown.times()),
    [dataset, timeline, shown],
  );
  const [hover, setHover] = useState<DayCount | null>(null);
  const maxReports = Math.max(1, ...days.map((d) => d.reports));
  const maxChanges = Math.max(1, ...days.map((d) => d.changes));
  const x = (t: number) => ((t - start) / Math.max(1, end - start)) * W;
  const dayW = Math.max(1, x(start + 86_400_000) - x(start) - 1);
  const totalReports = days.reduce((n, d) => n + d.reports, 0);
  const totalChanges = days.reduce((n, d) => n + d.changes, 0);
  const dayAt = (e: PointerEvent) => {
    const box = (e.currentTarget as SVGElement).getBoundingClientRect();
    // Right to left the strip is mirrored with the slider (app.css): time runs from the right.
    const along = dirOf(uiLang()) === 'rtl' ? box.right - e.clientX : e.clientX - box.left;
    const t = start + (along / box.width) * (end - start);
    return days.find((d) => d.t <= t && t < d.t + 86_400_000) ?? null;
  };
  const describe = (d: DayCount) =>
    t('density.day', {
      date: formatUtcDate(d.t, uiLang()),
      reports: d.reports,
      changes: d.changes,
    });
  return (
    <div class="density">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('density.label', { reports: totalReports, changes: totalChanges })}
        onPointerMove={(e) => setHover(dayAt(e))}
        onPointerLeave={() => setHover(null)}
      >
        {timeline.posts.map((p) => (
          <line key={p.id} class="density-post" x1={x(p.t)} x2={x(p.t)} y1={0} y2={H} />
        ))}
        {days.map((d) => (
          <g key={d.t} class={hover === d ? 'density-day hover' : 'density-day'}>
            <title>{describe(d)}</title>
            <rect class="density-hit" x={x(d.t)} y={0} width={dayW + 1} height={H} />
            {d.reports > 0 && (
              <rect
                class="density-reports"
                x={x(d.t)}
                width={dayW}
                y={MID - (d.reports / maxReports) * (MID - 2)}
                height={(d.reports / maxReports) * (MID - 2)}
              />
            )}
            {d.changes > 0 && (
              <rect
                class="density-changes"
                x={x(d.t)}
                width={dayW}
                y={MID + 1}
                height={(d.changes / maxChanges) * (H - MID - 1)}
              />
            )}
          </g>
        ))}
      </svg>
      <p class="density-caption" aria-live="polite">
        {hover ? describe(hover) : t('density.caption')}
      </p>
    </div>
  );
}
