/** The legend: factions (from the dataset), zone precision, pin statuses, uncertain positions. */
import { REPORT_STATUSES } from '../data/types';
import { STATUS_STYLE, UNKNOWN_COLOR } from '../lib/palette';
import { useApp } from './use-app-state';

export function Legend() {
  const { dataset } = useApp();
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <ul>
        {dataset.manifest.factions.map((f) => (
          <li key={f.id}>
            <span class="swatch" style={{ background: f.color }} aria-hidden="true" /> {f.label}
          </li>
        ))}
        <li>
          <span class="swatch" style={{ background: UNKNOWN_COLOR }} aria-hidden="true" />{' '}
          Controller not known
        </li>
        <li>
          <span class="swatch swatch-approx" aria-hidden="true" /> Approximate zone (lighter, dashed
          edge)
        </li>
        <li>
          <span class="swatch swatch-uncertain" aria-hidden="true" /> Approximate position (circle =
          uncertainty)
        </li>
      </ul>
      <ul>
        {REPORT_STATUSES.map((s) => (
          <li key={s}>
            <span
              class="pin"
              style={{
                background: STATUS_STYLE[s].fill,
                borderColor:
                  STATUS_STYLE[s].stroke === '#ffffff'
                    ? STATUS_STYLE[s].fill
                    : STATUS_STYLE[s].stroke,
              }}
              aria-hidden="true"
            />{' '}
            Report: {STATUS_STYLE[s].label.toLowerCase()}
          </li>
        ))}
      </ul>
    </section>
  );
}
