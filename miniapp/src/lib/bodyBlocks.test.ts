import { blocksToHtml, blocksToNodes, storedHtmlToNodes } from './bodyBlocks'

const hostile = '<img src=x onerror="window.__xss=1">'
const breaking = '/nothing.png" onerror="window.__xss=2'

describe('rich-text blocks', () => {
  it('keeps hostile words as text in nodes', () => {
    const p = document.createElement('div')
    p.append(blocksToNodes(document, [{ paragraph: [hostile, { strong: hostile }] }, { image: { src: breaking, alt: hostile } }]))
    expect(p.querySelectorAll('img')).toHaveLength(1)
    expect(p.querySelector('[onerror]')).toBeNull()
    expect(p.textContent).toBe(hostile + hostile)
    expect(p.querySelector('img')!.getAttribute('src')).toBe(breaking)
  })

  it('escapes every value in markup for the mini-program editor', () => {
    const html = blocksToHtml([{ paragraph: [hostile, { strong: hostile }] }, { image: { src: breaking, alt: hostile } }])
    const parsed = new DOMParser().parseFromString(html, 'text/html').body
    expect(parsed.querySelectorAll('img')).toHaveLength(1)
    expect(parsed.querySelector('[onerror]')).toBeNull()
    expect(parsed.textContent).toBe(hostile + hostile)
    expect(parsed.querySelector('img')!.getAttribute('src')).toBe(breaking)
  })

  it('leaves out pictures whose address is not http(s) or on this server', () => {
    for (const src of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', '//evil.example/x.png']) {
      expect(blocksToHtml([{ image: { src, alt: '' } }])).toBe('')
      expect(blocksToNodes(document, [{ image: { src, alt: '' } }]).childNodes).toHaveLength(0)
    }
  })

  it('drops script from stored rich text before it enters the page', () => {
    const holder = document.createElement('div')
    holder.append(storedHtmlToNodes('<p>好</p><img src="/uploads/a/body.jpg" onerror="window.__xss=1"><script>window.__xss=3</script>'))
    expect(holder.querySelector('[onerror], script')).toBeNull()
    expect(holder.querySelector('img')!.getAttribute('src')).toBe('/uploads/a/body.jpg')
    expect(holder.textContent).toBe('好')
  })
})
