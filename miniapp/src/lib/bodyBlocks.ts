import DOMPurify from 'dompurify'
import escapeHtml from 'escape-html'

/** Words in a paragraph: plain, or in bold. */
export type Inline = string | { strong: string }

/**
 * What the app itself adds to a rich-text body (an activity's figures and photo, an uploaded picture), described as
 * data. Values are often other people's words (an activity's title), so they become text nodes and attributes, never
 * markup: see blocksToNodes (H5) and blocksToHtml (the mini-program's editor, which takes HTML only).
 */
export type Block = { paragraph: Inline[] } | { image: { src: string; alt: string } }

/** Our own image addresses are http(s) or on this server; anything else (javascript:, data:) is no picture. */
const IMAGE_ADDRESS = /^(?:https?:\/\/|\/(?!\/))/i

/** The blocks as DOM nodes of `doc`: text stays text whatever it contains. */
export function blocksToNodes(doc: Document, blocks: Block[]): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  for (const block of blocks) {
    const p = doc.createElement('p')
    if ('paragraph' in block) {
      for (const part of block.paragraph) {
        if (typeof part === 'string') {
          p.append(doc.createTextNode(part))
        } else {
          const strong = doc.createElement('strong')
          strong.textContent = part.strong
          p.append(strong)
        }
      }
    } else {
      if (!IMAGE_ADDRESS.test(block.image.src)) continue
      const img = doc.createElement('img')
      img.setAttribute('src', block.image.src)
      img.setAttribute('alt', block.image.alt)
      p.append(img)
    }
    fragment.append(p)
  }
  return fragment
}

/** The blocks as markup for WeChat's editor (no DOM there): every value escaped, so it cannot leave its text or attribute. */
export function blocksToHtml(blocks: Block[]): string {
  const inline = (part: Inline) => (typeof part === 'string' ? escapeHtml(part) : `<strong>${escapeHtml(part.strong)}</strong>`)
  return blocks
    .map((block) => {
      if ('paragraph' in block) return `<p>${block.paragraph.map(inline).join('')}</p>`
      if (!IMAGE_ADDRESS.test(block.image.src)) return ''
      return `<p><img src="${escapeHtml(block.image.src)}" alt="${escapeHtml(block.image.alt)}"></p>`
    })
    .join('')
}

/**
 * Stored rich text (the server's sanitised output) as nodes to put into a live H5 page. The server is the safety;
 * this keeps a body stored before a sanitiser fix, or a server bug, from running script in a staff member's browser.
 */
export function storedHtmlToNodes(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true })
}

/** Stored rich text as markup for H5's RichText (which assigns innerHTML): the same belt-and-braces pass. */
export function storedHtmlForH5(html: string): string {
  return DOMPurify.sanitize(html)
}
