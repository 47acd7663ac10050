/** "Share": opens the Share dialog, whose code (and the export's) loads on first use. */
import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';

type Dialog = FunctionComponent<{ onClose(): void }>;

export function ShareButton() {
  const [Dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState(false);
  const onClick = async () => {
    if (!Dialog) {
      const { ShareDialog } = await import('./ShareDialog');
      setDialog(() => ShareDialog);
    }
    setOpen(true);
  };
  return (
    <>
      <button type="button" class="share-button" onClick={onClick} aria-haspopup="dialog">
        Share / export
      </button>
      {open && Dialog && <Dialog onClose={() => setOpen(false)} />}
    </>
  );
}
