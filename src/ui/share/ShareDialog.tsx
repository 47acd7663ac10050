/**
 * The Share dialog: a link to this moment, the embed code (locked or replayable, with a live
 * preview), a PNG export and a video export (VideoExport.tsx). A modal <dialog>: the page behind is inert, focus stays inside,
 * Escape closes it and focus returns to the Share button. Loaded on first use.
 */
import { X } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useNumberField } from '../use-number-field';
import { EXPORT_PRESETS, exportFileName } from '../../lib/export-compose';
import {
  EMBED_MAX,
  EMBED_MIN,
  type EmbedMode,
  embedCode,
  embedUrl,
  momentLink,
} from '../../lib/share-links';
import { formatUtcDate } from '../../lib/time';
import { Icon } from '../Icon';
import { useApp } from '../use-app-state';
import { t, uiLang } from '../../i18n/i18n';
import type { VideoJob } from './video-job';
import { VideoExport } from './VideoExport';

/** The preview's largest width in the dialog, CSS px; larger embeds are shown scaled down. */
const PREVIEW_W = 420;

/** Copies text; falls back to selecting the field and execCommand where the Clipboard API is
 * refused (no permission, or an insecure origin). */
async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    field?.select();
    document.execCommand('copy');
  }
}

export interface ShareDialogProps {
  onClose(): void;
  /** The video being made, if any (kept by ShareButton: it outlives the dialog). */
  videoJob: VideoJob | null;
  onVideoJob(job: VideoJob): void;
}

export function ShareDialog({ onClose, videoJob, onVideoJob }: ShareDialogProps) {
  const { store, dataset, exportImage } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLTextAreaElement>(null);
  // The moment when the dialog opened: what the journalist is looking at.
  const [moment] = useState(() => {
    const s = store.getState();
    return {
      t: s.t,
      center: s.view.center,
      zoom: s.view.zoom,
      layers: s.visible,
      filter: s.filter,
      window: s.pinWindow,
    };
  });
  const [mode, setMode] = useState<EmbedMode>('locked');
  const [width, widthField] = useNumberField(640, EMBED_MIN.width, EMBED_MAX.width);
  const [height, heightField] = useNumberField(400, EMBED_MIN.height, EMBED_MAX.height);
  const [preset, setPreset] = useState(0);
  const [print, setPrint] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const { manifest } = dataset;
  const link = momentLink(location.href, moment);
  const src = embedUrl(location.href, moment, mode, uiLang());
  const title = `${manifest.title}: ${formatUtcDate(moment.t, uiLang())}`;
  const code = embedCode({ src, width, height, title });
  const scale = Math.min(1, PREVIEW_W / width);

  const download = async () => {
    const p = EXPORT_PRESETS[preset];
    setBusy(true);
    setStatus(t('share.rendering'));
    try {
      const blob = await exportImage({
        width: p.width,
        height: p.height,
        pixelRatio: print ? 2 : 1,
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = exportFileName(manifest.title, moment.t);
      a.click();
      // The download has started from the URL; release it once the browser has read it.
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      setStatus(t('share.saved', { file: a.download }));
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  // A modal <dialog> keeps focus off the page, but Tab would still leave it for the browser's
  // own controls: wrap around from the last control to the first and back.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const controls = [
      ...dialog.current.querySelectorAll<HTMLElement>('button, input, select, textarea'),
    ].filter((el) => !(el as HTMLButtonElement).disabled);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      class="share-dialog"
      aria-labelledby="share-title"
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <header class="share-head">
        <h2 id="share-title">{t('share.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('share.close')}>
          <Icon icon={X} />
        </button>
      </header>

      <section aria-labelledby="share-link-title">
        <h3 id="share-link-title">{t('share.link')}</h3>
        <div class="share-row">
          <input ref={linkField} readOnly value={link} aria-label={t('share.linkLabel')} />
          <button
            type="button"
            onClick={() =>
              copyText(link, linkField.current).then(() => setStatus(t('share.linkCopied')))
            }
          >
            {t('share.copyLink')}
          </button>
        </div>
      </section>

      <section aria-labelledby="share-embed-title">
        <h3 id="share-embed-title">{t('share.embedTitle')}</h3>
        <fieldset class="share-row">
          <legend>{t('share.embedTime')}</legend>
          <label>
            <input
              type="radio"
              name="embed-mode"
              checked={mode === 'locked'}
              onChange={() => setMode('locked')}
            />{' '}
            {t('share.locked')}
          </label>
          <label>
            <input
              type="radio"
              name="embed-mode"
              checked={mode === 'replayable'}
              onChange={() => setMode('replayable')}
            />{' '}
            {t('share.replayable')}
          </label>
        </fieldset>
        <div class="share-row">
          <label>
            {t('share.width')} <input {...widthField} />
          </label>
          <label>
            {t('share.height')} <input {...heightField} />
          </label>
        </div>
        <div class="share-row">
          <textarea
            ref={codeField}
            readOnly
            value={code}
            rows={3}
            aria-label={t('share.embedCode')}
          />
          <button
            type="button"
            onClick={() =>
              copyText(code, codeField.current).then(() => setStatus(t('share.embedCopied')))
            }
          >
            {t('share.copyEmbed')}
          </button>
        </div>
        <p class="muted">{t('share.preview')}</p>
        {/* A picture of the embed, not a second map to operate: out of the tab order. */}
        <div
          class="share-preview"
          inert
          style={{ width: `${width * scale}px`, height: `${height * scale}px` }}
        >
          <iframe
            src={src}
            title={t('share.previewTitle', { title })}
            width={width}
            height={height}
            style={{ transform: `scale(${scale})` }}
          />
        </div>
      </section>

      <section aria-labelledby="share-image-title">
        <h3 id="share-image-title">{t('share.image')}</h3>
        <div class="share-row">
          <label>
            {t('share.imageSize')}{' '}
            <select
              value={preset}
              onChange={(e) => setPreset(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {EXPORT_PRESETS.map((p, i) => (
                <option key={p.label} value={i}>
                  {t(p.labelId, { w: p.width, h: p.height })}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={print}
              onChange={(e) => setPrint((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('share.print')}
          </label>
          <button type="button" onClick={download} disabled={busy}>
            {t('share.downloadPng')}
          </button>
        </div>
      </section>
      <VideoExport job={videoJob} onJob={onVideoJob} />
      <p class="share-status" role="status">
        {status}
      </p>
    </dialog>
  );
}

export interface VideoJobStatusProps {
  job: VideoJob;
  onDismiss(): void;
}

/** The video being made while the dialog is closed: its progress, and Cancel (or Dismiss). */
export function VideoJobStatus({ job, onDismiss }: VideoJobStatusProps) {
  const busy = job.state === 'running' || job.state === 'cancelling';
  return (
    <div class="video-job">
      <span role="status">
        {busy ? t('share.videoStatus', { message: job.message }) : job.message}
      </span>{' '}
      {busy ? (
        <button type="button" onClick={job.cancel} disabled={job.state !== 'running'}>
          {t('share.cancelVideo')}
        </button>
      ) : (
        <button type="button" onClick={onDismiss} aria-label={t('share.dismiss')}>
          <Icon icon={X} />
        </button>
      )}
    </div>
  );
}
