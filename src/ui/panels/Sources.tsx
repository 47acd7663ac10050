/** The dataset's sources and licences, with links where they are http(s). */
import { isHttpUrl } from '../../lib/http-url';
import { useApp } from '../use-app-state';
import { t } from '../../i18n/i18n';
import { DATA_LANG } from '../../lib/lang';

export function Sources() {
  const { dataset } = useApp();
  return (
    <details class="sources">
      <summary>{t('sources.title')}</summary>
      <ul lang={DATA_LANG}>
        {dataset.manifest.sources.map((s) => (
          <li key={s.name}>
            {s.url && isHttpUrl(s.url) ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.name}
              </a>
            ) : (
              s.name
            )}{' '}
            — {s.license}
            {s.used_for ? ` (${s.used_for})` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
