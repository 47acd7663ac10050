/**
 * A video export in progress, kept outside the Share dialog so that closing the dialog does not
 * stop it: the page stays usable and the Share button shows the progress and a Cancel button
 * (ShareButton.tsx). Frames are counted as the export hands them to the encoder.
 */
import { t } from '../../i18n/i18n';
import { secondsLeft, type VideoExportHooks, type VideoExportResult } from '../../lib/video-plan';

export interface VideoJob {
  state: 'running' | 'cancelling' | 'saved' | 'cancelled' | 'failed';
  done: number;
  total: number;
  /** "12 of 300 frames, about 1 min 20 s left", or the outcome. */
  message: string;
  cancel(): void;
}

/**
 * Starts `run` and reports every change to `onChange`. When it succeeds the file is saved under
 * its name through a download link; when it is cancelled or fails nothing is saved.
 */
export function startVideoJob(
  run: (hooks: VideoExportHooks) => Promise<VideoExportResult>,
  onChange: (job: VideoJob) => void,
): void {
  const abort = new AbortController();
  const started = performance.now();
  let job: VideoJob = {
    state: 'running',
    done: 0,
    total: 0,
    message: t('video.opening'),
    cancel: () => {
      if (job.state !== 'running') return;
      abort.abort();
      update({ state: 'cancelling', message: t('video.cancelling') });
    },
  };
  const update = (change: Partial<VideoJob>) => {
    job = { ...job, ...change };
    onChange(job);
  };
  onChange(job);
  run({
    signal: abort.signal,
    onProgress: (done, total) => {
      if (job.state !== 'running') return;
      const s = secondsLeft(done, total, performance.now() - started);
      const left =
        s === null
          ? t('video.leftEstimating')
          : s < 60
            ? t('video.leftSeconds', { s })
            : t('video.leftMinutes', { m: Math.floor(s / 60), s: s % 60 });
      update({ done, total, message: t('video.frames', { done, total, left }) });
    },
  }).then(
    ({ blob, fileName }) => {
      // Cancelled while the file was being finished: it is dropped all the same.
      if (abort.signal.aborted)
        return update({ state: 'cancelled', message: t('video.cancelled') });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      a.click();
      // The download has started from the URL; release it once the browser has read it.
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      update({ state: 'saved', message: t('share.saved', { file: a.download }) });
    },
    (e: unknown) => {
      if (abort.signal.aborted) update({ state: 'cancelled', message: t('video.cancelled') });
      else update({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    },
  );
}
