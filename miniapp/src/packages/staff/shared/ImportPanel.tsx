import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ApiError, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Field } from './Field'
import { pickCsvFile, type PickedFile } from './pick-csv'

export type ImportBody = { csv: string } | { csvBase64: string }

/**
 * A CSV import with a preview before anything is written: pick a file (or paste the lines), 预览 shows what
 * would change, 确认导入 writes it. A refused file lists every bad line the server named.
 */
export function ImportPanel({
  id,
  title,
  hint,
  run,
}: {
  id: string
  title: string
  hint: string
  /** Calls the import; answers the lines to show (what would change, or what changed). */
  run: (dryRun: boolean, body: ImportBody) => Promise<string[]>
}) {
  const [text, setText] = useState('')
  const [file, setFile] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<string[] | null>(null)
  const [done, setDone] = useState<string[] | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  const body = (): ImportBody | null => (file ? { csvBase64: file.base64 } : text.trim() ? { csv: text } : null)
  const reset = () => {
    setPreview(null)
    setDone(null)
    setErrors([])
  }

  const go = async (dryRun: boolean) => {
    const payload = body()
    if (!payload) return setErrors(['请先选择表格文件，或把表格内容粘贴到下面'])
    setBusy(true)
    setErrors([])
    try {
      const lines = await run(dryRun, payload)
      if (dryRun) setPreview(lines)
      else {
        setPreview(null)
        setDone(lines)
        setFile(null)
        setText('')
      }
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields.map((f) => f.message) : []
      setErrors([messageOf(error), ...fields])
      setPreview(null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='ll-card' id={id}>
      <Text className='ll-heading'>{title}</Text>
      <Text className='ll-secondary setup-line'>{hint}</Text>
      <View className='ll-button-row'>
        <Button
          id={`${id}-pick`}
          size='large'
          fill='outline'
          onClick={async () => {
            const picked = await pickCsvFile()
            if (picked) {
              setFile(picked)
              reset()
            }
          }}
        >
          选择表格文件
        </Button>
      </View>
      {file ? (
        <Text className='ll-text setup-line' id={`${id}-file`}>
          已选择：{file.name}
        </Text>
      ) : (
        <Field
          id={`${id}-text`}
          label='或者把表格内容粘贴在这里'
          value={text}
          multiline
          onChange={(value) => {
            setText(value)
            reset()
          }}
        />
      )}
      {errors.length ? (
        <View className='setup-error' role='alert' id={`${id}-errors`}>
          {errors.map((line, i) => (
            <Text key={i} className='ll-text'>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      {preview ? (
        <View className='setup-notice' id={`${id}-preview`}>
          <Text className='ll-text setup-line'>预览（还没有写入）：</Text>
          {preview.map((line, i) => (
            <Text key={i} className='ll-text setup-line'>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      {done ? (
        <View className='setup-notice' role='status' id={`${id}-done`}>
          {done.map((line, i) => (
            <Text key={i} className='ll-text setup-line'>
              {line}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='ll-button-row'>
        <Button id={`${id}-preview-button`} size='large' fill='outline' loading={busy} onClick={() => void go(true)}>
          预览
        </Button>
        <Button id={`${id}-commit`} size='large' type='primary' disabled={!preview || busy} onClick={() => void go(false)}>
          确认导入
        </Button>
      </View>
    </View>
  )
}
