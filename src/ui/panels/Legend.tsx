/** The legend: factions (from the dataset), zone precision, pin statuses, uncertain positions. */
import { REPORT_STATUSES } from '../../data/types';
import { STATUS_STYLE, UNKNOWN_COLOR } from '../../lib/palette';
import { useApp } from '../use-app-state';
import { t } from '../../i18n/i18n';
import { STATUS_IN_TEXT } from '../../i18n/labels';
import { DATA_LANG } from '../../lib/lang';

export function Legend() {
  const { dataset } = useApp();
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul>
        {dataset.manifest.factions.map((f) => (
          <li key={f.id}>
            <span class="swatch" style={{ background: f.color }} aria-hidden="true" />{' '}
            <span lang={DATA_LANG}>{f.label}</span>
          </li>
        ))}
        <li>
          <span class="swatch" style={{ background: UNKNOWN_COLOR }} aria-hidden="true" />{' '}
          {t('legend.unknown')}
        </li>
        <li>
          <span class="swatch swatch-approx" aria-hidden="true" /> {t('legend.approximate')}
        </li>
        <li>
          <span class="swatch swatch-contested" aria-hidden="true" /> {t('legend.contested')}
        </li>
        <li>
          <span class="swatch swatch-front" aria-hidden="true" /> {t('legend.front')}
        </li>
        <li>
          <span class="swatch swatch-uncertain" aria-hidden="true" /> {t('legend.uncertain')}
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
            {t('legend.report', { status: t(STATUS_IN_TEXT[s]) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
