import { useState, type ReactNode } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { messageOf } from '../../../api'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import type { Resource } from '../../../hooks/useResource'

/** One labelled part of a staff form, with its hint and what to fix in red. */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className='form-field'>
      <Text className='ll-field-label'>{label}</Text>
      {hint ? <Text className='ll-secondary form-hint'>{hint}</Text> : null}
      {children}
      {error ? <Text className='ll-field-error'>{error}</Text> : null}
    </View>
  )
}

/** Big tappable choices, the chosen one ticked (words, not colour alone). */
export function Choice<T extends string>({ id, options, value, onChange }: { id: string; options: { key: T; label: string }[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className='form-choices' id={id}>
      {options.map((o) => (
        <View key={o.key} id={`${id}-${o.key}`} className={o.key === value ? 'form-choice form-choice-on' : 'form-choice'} onClick={() => onChange(o.key)}>
          {o.key === value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  )
}

/** A date picker and a time picker; without `date`, the time alone (e.g. the end, on the start's day). */
export function DateTime({ id, date, time, onDate, onTime }: { id: string; date?: string; time: string; onDate?: (v: string) => void; onTime: (v: string) => void }) {
  return (
    <View className='form-when'>
      {date === undefined ? null : (
        <Picker mode='date' value={date} onChange={(e) => onDate?.(String(e.detail.value))}>
          <View id={`${id}-date`} className='form-picker'>
            {date}
          </View>
        </Picker>
      )}
      <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
        <View id={`${id}-time`} className='form-picker'>
          {time}
        </View>
      </Picker>
    </View>
  )
}

/** Until a form has what it needs (who I am, what is being edited): skeleton cards, or the first failure with 重试. */
export function FormPending({ reads, onRetry }: { reads: Resource<unknown>[]; onRetry: () => void }) {
  const failed = reads.find((read) => read.status === 'error')
  return <Page>{failed ? <ErrorState error={failed.error} onRetry={onRetry} /> : <LoadingState cards={3} />}</Page>
}

/** Why saving did not work, at the top of the form. */
export function FormError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <View id={id} className='ll-notice ll-notice-error' role='alert'>
      <Text className='ll-text'>{text}</Text>
    </View>
  ) : null
}

/**
 * A form's values as typed (null until loaded), its red text per field (gone as that field is changed), and
 * saving: `check` shows what the validation found, `send` runs the request and shows the server's refusal.
 */
export function useFormDraft<V extends object, E extends object>() {
  const [values, setValues] = useState<V | null>(null)
  const [errors, setErrors] = useState<E>({} as E)
  const [serverError, setServerError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const change = (patch: Partial<V>) => {
    setValues((current) => (current ? { ...current, ...patch } : current))
    const cleared = Object.keys(patch).filter((key) => errors[key as keyof E])
    if (cleared.length) setErrors({ ...errors, ...Object.fromEntries(cleared.map((key) => [key, undefined])) })
  }
  const check = <B,>(found: { errors: E; body?: B }): found is { errors: E; body: B } => {
    setErrors(found.errors)
    setServerError(found.body ? undefined : '还有几处没填好，请看红字提示')
    return Boolean(found.body)
  }
  const send = async (request: () => Promise<void>) => {
    setSaving(true)
    try {
      await request()
    } catch (error) {
      setServerError(messageOf(error))
    } finally {
      setSaving(false)
    }
  }
  return { values, setValues, errors, setErrors, serverError, saving, change, check, send }
}
