/**
 * "Share": opens the Share dialog, whose code (and the exports') loads on first use. It also
 * keeps the video being made, so the dialog can be closed while it renders: the page stays
 * usable, and the progress and a Cancel button sit beside this button.
 */
import { X } from 'lucide';
import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { Icon } from './Icon';
import type { ShareDialogProps } from './ShareDialog';
import type { VideoJob } from './video-job';

export function ShareButton() {
  const [Dialog, setDialog] = useState<FunctionComponent<ShareDialogProps> | null>(null);
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<VideoJob | null>(null);
  const onClick = async () => {
    if (!Dialog) {
      const { ShareDialog } = await import('./ShareDialog');
      setDialog(() => ShareDialog);
    }
    setOpen(true);
  };
  const busy = job?.state === 'running' || job?.state === 'cancelling';
  return (
    <>
      <button type="button" class="share-button" onClick={onClick} aria-haspopup="dialog">
        Share / export
      </button>
      {!open && job && (
        <div class="video-job">
          <span role="status">{busy ? `Video: ${job.message}` : job.message}</span>{' '}
          {busy ? (
            <button type="button" onClick={job.cancel} disabled={job.state !== 'running'}>
              Cancel video
            </button>
          ) : (
            <button type="button" onClick={() => setJob(null)} aria-label="Dismiss">
              <Icon icon={X} />
            </button>
          )}
        </div>
      )}
      {open && Dialog && (
        <Dialog onClose={() => setOpen(false)} videoJob={job} onVideoJob={setJob} />
      )}
    </>
  );
}
