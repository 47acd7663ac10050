/**
 * The Share dialog's Video part: moments A and B, duration, frame rate and size; which format
 * this browser will make (asked with VideoEncoder.isConfigSupported before anything is drawn);
 * Download video; and, while a video is made, a progress bar with Cancel. The job itself lives in
 * ShareButton, so closing the dialog does not stop it.
 */
import { t } from '../../i18n/i18n';
import { useEffect, useState } from 'preact/hooks';
import { useNumberField } from '../use-number-field';
import { previousPostTime } from '../../data/timeline';
import { formatUtcInput, parseUtcInput } from '../../lib/time';
import {
  DIALOG_DURATION,
  VIDEO_FPS,
  VIDEO_PRESETS,
  type VideoSpec,
  videoFileName,
  videoSpecProblem,
} from '../../lib/video-plan';
import { chooseVideoFormat, type VideoFormat } from '../../video/format';
import { useApp } from '../use-app-state';
import { startVideoJob, type VideoJob } from './video-job';

type Probe = { checking: true } | { format: VideoFormat } | { problem: string };

export function VideoExport({ job, onJob }: { job: VideoJob | null; onJob(job: VideoJob): void }) {
  const { store, dataset, timeline, exportVideo } = useApp();
  // Defaults: the compare moments when comparing, else the previous post to the current time.
  const [initial] = useState(() => {
    const s = store.getState();
    const from = s.compareA ?? previousPostTime(s.t, timeline.posts) ?? s.domain[0];
    return { from: formatUtcInput(from), to: formatUtcInput(s.t) };
  });
  const [fromText, setFromText] = useState(initial.from);
  const [toText, setToText] = useState(initial.to);
  const [duration, durationField] = useNumberField(10, DIALOG_DURATION.min, DIALOG_DURATION.max);
  const [fps, setFps] = useState<number>(30);
  const [preset, setPreset] = useState(0);
  const [probe, setProbe] = useState<Probe>({ checking: true });
  const { width, height } = VIDEO_PRESETS[preset];

  useEffect(() => {
    let live = true;
    setProbe({ checking: true });
    chooseVideoFormat(width, height, fps)
      .catch((e: unknown) => ({ problem: t('video.cannot', { reason: String(e) }) }))
      .then((r) => live && setProbe(r));
    return () => {
      live = false;
    };
  }, [width, height, fps]);

  const from = parseUtcInput(fromText);
  const to = parseUtcInput(toText);
  const spec: VideoSpec | null =
    from === null || to === null ? null : { from, to, duration, fps, width, height };
  const problem =
    from === null || to === null ? t('video.badMoments') : spec && videoSpecProblem(spec);
  const running = job?.state === 'running' || job?.state === 'cancelling';
  const title = dataset.manifest.title;
  const [lo, hi] = store.getState().domain.map(formatUtcInput);

  const start = () => {
    if (!spec || problem || !('format' in probe)) return;
    startVideoJob((hooks) => exportVideo(spec, hooks), onJob);
  };

  return (
    <section aria-labelledby="share-video-title">
      <h3 id="share-video-title">{t('video.title')}</h3>
      <div class="share-row">
        <label>
          {t('video.from')}{' '}
          <input
            type="datetime-local"
            min={lo}
            max={hi}
            value={fromText}
            onInput={(e) => setFromText((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('video.to')}{' '}
          <input
            type="datetime-local"
            min={lo}
            max={hi}
            value={toText}
            onInput={(e) => setToText((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      </div>
      <div class="share-row">
        <label>
          {t('video.duration')} <input {...durationField} />
        </label>
        <label>
          {t('video.fps')}{' '}
          <select
            value={fps}
            onChange={(e) => setFps(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {VIDEO_FPS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('video.size')}{' '}
          <select
            value={preset}
            onChange={(e) => setPreset(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {VIDEO_PRESETS.map((p, i) => (
              <option key={p.label} value={i}>
                {t(p.labelId, { w: p.width, h: p.height })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="video-format" aria-live="polite">
        {'checking' in probe
          ? t('video.checking')
          : 'problem' in probe
            ? probe.problem
            : t('video.youGet', {
                format: probe.format.label,
                file: spec
                  ? videoFileName(title, spec.from, spec.to, probe.format.container)
                  : t('video.aFile', { extension: probe.format.container }),
              })}
      </p>
      {problem && <p class="video-problem">{problem}</p>}
      {running && job ? (
        <div class="share-row">
          <progress
            aria-label={t('video.progress')}
            max={job.total || 1}
            value={job.done}
            class="video-progress"
          />
          <span class="muted">{job.message}</span>
          <button type="button" onClick={job.cancel} disabled={job.state !== 'running'}>
            {t('share.cancelVideo')}
          </button>
        </div>
      ) : (
        'format' in probe && (
          <div class="share-row">
            <button type="button" onClick={start} disabled={Boolean(problem)}>
              {t('video.download')}
            </button>
            {job && <span class="muted">{job.message}</span>}
          </div>
        )
      )}
    </section>
  );
}
