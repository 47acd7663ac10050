/**
 * "Share": opens the Share dialog, whose code (and the exports', and the strings of both) loads on
 * first use. It also keeps the video being made, so the dialog can be closed while it renders:
 * the page stays usable, and the progress and a Cancel button (VideoJobStatus, from the same
 * chunk) sit beside this button.
 */
import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { loadMessages, t } from '../../i18n/i18n';
import type { ShareDialogProps, VideoJobStatusProps } from './ShareDialog';
import type { VideoJob } from './video-job';

interface Parts {
  Dialog: FunctionComponent<ShareDialogProps>;
  JobStatus: FunctionComponent<VideoJobStatusProps>;
}

export function ShareButton() {
  const [parts, setParts] = useState<Parts | null>(null);
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<VideoJob | null>(null);
  const onClick = async () => {
    if (!parts) {
      const [m] = await Promise.all([import('./ShareDialog'), loadMessages('share')]);
      setParts({ Dialog: m.ShareDialog, JobStatus: m.VideoJobStatus });
    }
    setOpen(true);
  };
  return (
    <>
      <button type="button" class="share-button" onClick={onClick} aria-haspopup="dialog">
        {t('share.button')}
      </button>
      {!open && job && parts && <parts.JobStatus job={job} onDismiss={() => setJob(null)} />}
      {open && parts && (
        <parts.Dialog onClose={() => setOpen(false)} videoJob={job} onVideoJob={setJob} />
      )}
    </>
  );
}
