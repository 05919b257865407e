import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '../../../components/nutui'

/** A labelled text box: the label above, the whole box the tap target. */
export function Field({
  id,
  label,
  value,
  onChange,
  placeholder,
  maxLength,
  multiline,
  type,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength?: number
  multiline?: boolean
  type?: 'text' | 'number' | 'digit'
}) {
  return (
    <View className='setup-field'>
      <Text className='ll-text setup-field-label'>{label}</Text>
      <View className='ll-input-wrap' id={`${id}-wrap`}>
        {multiline ? (
          <TextArea id={id} value={value} placeholder={placeholder} maxLength={maxLength} rows={3} onChange={onChange} />
        ) : (
          <Input id={id} value={value} placeholder={placeholder} maxLength={maxLength} type={type} onChange={onChange} />
        )}
      </View>
    </View>
  )
}

/** One choice among a few, as big buttons with words (no tiny radio dots). */
export function Choice<T extends string>({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string
  label: string
  options: { value: T; label: string }[]
  value: T | undefined
  onChange: (value: T) => void
}) {
  return (
    <View className='setup-field' id={id}>
      <Text className='ll-text setup-field-label'>{label}</Text>
      <View className='setup-choice'>
        {options.map((o) => (
          <ChoiceButton key={o.value} selected={o.value === value} label={o.label} onClick={() => onChange(o.value)} />
        ))}
      </View>
    </View>
  )
}


export function ChoiceButton({ selected, label, onClick }: { selected: boolean; label: string; onClick: () => void }) {
  return (
    <Button size='large' type={selected ? 'primary' : 'default'} fill={selected ? 'solid' : 'outline'} aria-pressed={selected} onClick={onClick}>
      {selected ? `✓ ${label}` : label}
    </Button>
  )
}

/** A filter above a list: 全部 and one button per option, in a row. */
export function FilterRow<T extends string | number>({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string
  label: string
  options: { value: T; label: string }[]
  value: T | undefined
  onChange: (v: T | undefined) => void
}) {
  return (
    <View className='setup-filters' id={id}>
      <Text className='ll-text'>{label}：</Text>
      <ChoiceButton selected={value === undefined} label='全部' onClick={() => onChange(undefined)} />
      {options.map((o) => (
        <ChoiceButton key={o.value} selected={value === o.value} label={o.label} onClick={() => onChange(o.value)} />
      ))}
    </View>
  )
}
