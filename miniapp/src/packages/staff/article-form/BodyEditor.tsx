import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react'
import { Editor, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routes } from '@linli/shared'
import { messageOf, upload } from '../../../api'
import { blocksToHtml, blocksToNodes, storedHtmlToNodes, type Block } from '../../../lib/bodyBlocks'

export interface BodyEditorHandle {
  /** Adds blocks at the end of the body (e.g. an activity's attendance and photo); their words stay words. */
  append: (blocks: Block[]) => void
}

interface Props {
  /** The element id of the editing area (the mini-program's Editor gets `<id>-weapp`). */
  id: string
  /** What the area is called for screen readers, e.g. 正文. */
  label: string
  placeholder: string
  /** Said after "小程序里不能插入链接" when the link tool is tapped in the mini-program: what to do instead. */
  linkHint?: string
  /** The body when the editor opens; afterwards the editor owns it and reports every change. */
  initial: string
  onChange: (html: string) => void
}

type Tool = { key: string; label: string }
const TOOLS: Tool[] = [
  { key: 'h2', label: '标题' },
  { key: 'p', label: '正文' },
  { key: 'bold', label: '加粗' },
  { key: 'ul', label: '圆点列表' },
  { key: 'ol', label: '数字列表' },
  { key: 'link', label: '链接' },
  { key: 'image', label: '插图' },
]

/** Picks a photo and uploads it; resolves with the body-size address, or null when the picker was closed. */
async function pickAndUpload(): Promise<string | null> {
  let file: { path: string; size: number } | undefined
  try {
    file = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFiles[0]
  } catch (e) {
    if (/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) return null
    throw new Error('没能打开相册，请在微信设置里允许使用相册和相机', { cause: e })
  }
  if (!file) return null
  return (await upload(routes.uploadImage, file.path, file.size)).variants.body
}

/**
 * Rich text — an article's body, a consultation's background: headings, paragraphs, bold, lists, links and
 * pictures (uploaded at once). In the mini-program it is WeChat's own editor; in the H5 staff console (desktop
 * Chromium) a contenteditable area with the same toolbar. Either way the server sanitises what is sent, so the
 * toolbar is a convenience, not the safety.
 */
export const BodyEditor = forwardRef<BodyEditorHandle, Props>(function BodyEditor({ id, label, placeholder, linkHint, initial, onChange }, ref) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const area = useRef<HTMLDivElement | null>(null)
  const weappContext = useRef<Taro.EditorContext | null>(null)
  const html = useRef(initial)
  const weapp = process.env.TARO_ENV === 'weapp'

  const report = (next: string) => {
    html.current = next
    onChange(next)
  }

  useEffect(() => {
    if (!weapp && area.current) area.current.replaceChildren(storedHtmlToNodes(initial))
    // Only the first value: later ones come from the editor itself.
  }, [])

  useImperativeHandle(ref, () => ({
    append: (blocks: Block[]) => {
      if (weapp || !area.current) {
        const next = html.current + blocksToHtml(blocks)
        weappContext.current?.setContents({ html: next })
        report(next)
      } else {
        area.current.append(blocksToNodes(document, blocks))
        report(area.current.innerHTML)
      }
    },
  }))

  const insertImage = async (insert: (src: string) => void) => {
    setBusy(true)
    setError(undefined)
    try {
      const src = await pickAndUpload()
      if (src) insert(src)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const applyWeapp = (key: string) => {
    const ctx = weappContext.current
    if (!ctx) return
    if (key === 'h2') ctx.format('header', 'H2')
    if (key === 'p') ctx.removeFormat()
    if (key === 'bold') ctx.format('bold')
    if (key === 'ul') ctx.format('list', 'bullet')
    if (key === 'ol') ctx.format('list', 'ordered')
    if (key === 'image') void insertImage((src) => ctx.insertImage({ src, alt: '图片', width: '100%' }))
    if (key === 'link') setError(`小程序里不能插入链接${linkHint ? `；${linkHint}` : ''}`)
  }

  const applyH5 = (key: string) => {
    area.current?.focus()
    // execCommand is deprecated: where a browser lacks it (or refuses the command) it does nothing and says false.
    const exec = (command: string, value?: string) => typeof document.execCommand === 'function' && document.execCommand(command, false, value)
    if (key === 'h2') exec('formatBlock', 'h2')
    if (key === 'p') exec('formatBlock', 'p')
    if (key === 'bold') exec('bold')
    if (key === 'ul') exec('insertUnorderedList')
    if (key === 'ol') exec('insertOrderedList')
    if (key === 'link') {
      const url = window.prompt('链接地址（以 https:// 开头）', 'https://')
      if (url && /^https?:\/\/\S+$/.test(url)) exec('createLink', url)
    }
    if (key === 'image') {
      // Remember where the cursor was: choosing a file takes the focus away.
      const selection = window.getSelection()
      const range = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null
      void insertImage((src) => {
        area.current?.focus()
        const atCursor = range && area.current?.contains(range.commonAncestorContainer)
        if (atCursor) {
          selection!.removeAllRanges()
          selection!.addRange(range)
        }
        // Where the cursor was; at the end when it was elsewhere or the browser would not insert it.
        if (!(atCursor && exec('insertImage', src))) area.current?.append(blocksToNodes(document, [{ image: { src, alt: '图片' } }]))
        report(area.current?.innerHTML ?? html.current)
      })
      return
    }
    report(area.current?.innerHTML ?? html.current)
  }

  return (
    <View className='body-editor'>
      <View className='body-editor-tools' id='body-tools'>
        {TOOLS.map((tool) => (
          <View
            key={tool.key}
            id={`body-tool-${tool.key}`}
            className='body-editor-tool'
            // Keep the text selection in the editor while a tool is pressed.
            onTouchStart={(e) => e.preventDefault?.()}
            {...(!weapp && { onMouseDown: (e: { preventDefault: () => void }) => e.preventDefault() })}
            onClick={() => (weapp ? applyWeapp(tool.key) : applyH5(tool.key))}
          >
            {tool.label}
          </View>
        ))}
      </View>
      {weapp ? (
        <Editor
          id={`${id}-weapp`}
          className='body-editor-area'
          placeholder={placeholder}
          showImgSize
          showImgResize
          onReady={() => {
            Taro.createSelectorQuery()
              .select(`#${id}-weapp`)
              .context((res) => {
                weappContext.current = res.context as Taro.EditorContext
                weappContext.current.setContents({ html: initial })
              })
              .exec()
          }}
          onInput={(e) => report(e.detail.html ?? '')}
        />
      ) : (
        <div
          id={id}
          ref={area}
          className='body-editor-area'
          contentEditable
          role='textbox'
          aria-multiline='true'
          aria-label={label}
          data-placeholder={placeholder}
          onInput={() => report(area.current?.innerHTML ?? '')}
          onBlur={() => report(area.current?.innerHTML ?? '')}
        />
      )}
      {busy ? <Text className='ll-secondary form-hint'>正在上传图片，请稍等……</Text> : null}
      {error ? (
        <View role='alert'>
          <Text className='ll-field-error'>{error}</Text>
        </View>
      ) : null}
    </View>
  )
})
