import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { failureOf } from './errors';

interface ConfirmDialogCommonProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Runs on confirmation; the dialog closes when it resolves and shows the reason when it rejects. */
  onConfirm: () => Promise<void>;
}

export type ConfirmDialogProps = ConfirmDialogCommonProps &
  (
    | {
        /** The button that opens the dialog; focus returns to it when the dialog closes. */
        trigger: ReactElement;
        open?: never;
        onClose?: never;
      }
    | {
        /** Opened by the caller (a question that comes up during a save, say); no trigger. */
        open: boolean;
        /** The dialog closed: cancelled, or confirmed and done. */
        onClose: () => void;
        trigger?: never;
      }
  );

/** An alert dialog that asks before something cannot be undone. */
export function ConfirmDialog({ trigger, open: openedByCaller, onClose, title, body, confirmLabel, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [openedByTrigger, setOpenedByTrigger] = useState(false);
  const open = openedByCaller ?? openedByTrigger;
  const setOpen = (next: boolean) => {
    if (openedByCaller === undefined) setOpenedByTrigger(next);
    else if (!next) onClose?.();
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (failure) {
      const { message, fields } = failureOf(failure);
      setError(message ?? Object.values(fields).join(' '));
    } finally {
      setBusy(false);
    }
  };

  const surface = (
    <DialogSurface>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {body}
          {error !== null && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : null} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy}>{t('common.cancel')}</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
  const dialogProps = {
    modalType: 'alert',
    open,
    onOpenChange: (_: unknown, data: { open: boolean }) => {
      if (busy) return;
      setOpen(data.open);
      setError(null);
    },
  } as const;

  return trigger ? (
    <Dialog {...dialogProps}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  ) : (
    <Dialog {...dialogProps}>{surface}</Dialog>
  );
}
