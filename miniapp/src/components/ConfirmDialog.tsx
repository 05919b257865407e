import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from './nutui'

interface ConfirmDialogProps {
  visible: boolean
  title: string
  /** One sentence: what will happen. */
  text?: string
  children?: ReactNode
  confirmId: string
  confirmText: string
  cancelText?: string
  danger?: boolean
  /** Resolve to close; reject (or throw) to keep the dialog open, e.g. to show a field error. */
  onConfirm: () => Promise<void> | void
  onClose: () => void
}

/** A confirmation with our own full-width buttons (so they carry stable ids), the confirming one on top. */
export function ConfirmDialog({ visible, title, text, children, confirmId, confirmText, cancelText = '先不了', danger, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    if (busy) return
    setBusy(true)
    try {
      await onConfirm()
      onClose()
    } catch {
      // The caller shows why; the dialog stays open.
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      visible={visible}
      title={title}
      onClose={onClose}
      onCancel={onClose}
      footer={
        <View className='ll-dialog-actions'>
          <Button id={confirmId} type={danger ? 'danger' : 'primary'} size='large' block loading={busy} onClick={confirm}>
            {confirmText}
          </Button>
          <Button id={`${confirmId}-back`} className='ll-dialog-back' size='large' block fill='outline' onClick={onClose}>
            {cancelText}
          </Button>
        </View>
      }
    >
      {text ? <Text className='ll-text'>{text}</Text> : null}
      {children}
    </Dialog>
  )
}
