// Test support: a strict little XML reader for the subset our exports write. It throws on anything not well-formed
// (unbalanced or crossed tags, unquoted or repeated attributes, raw "<" or stray "&" in text, two roots), and returns
// a tree with entities decoded so tests can compare values with what went in.

export interface XmlNode {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
  /** Concatenated character data directly inside this element, decoded. */
  text: string
}

const NAME = '[A-Za-z_][A-Za-z0-9_.-]*'
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>`, 'y')
const ATTRIBUTE = new RegExp(`(${NAME})="([^"<]*)"`, 'g')
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, where: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`Stray "&" in ${where}: ${raw}`)
  return raw.replace(ENTITY, (_, named: string | undefined, decimal: string | undefined, hex: string | undefined) =>
    named ? (NAMED[named] ?? '') : String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex ?? '0', 16)),
  )
}

export function parseXml(source: string): XmlNode {
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n(?:<!DOCTYPE ([A-Za-z]+)>\n)?/.exec(source)
  if (!prolog) throw new Error('Missing the XML declaration')
  let position = prolog[0].length
  const stack: XmlNode[] = []
  let root: XmlNode | undefined
  while (position < source.length) {
    const nextTag = source.indexOf('<', position)
    const text = source.slice(position, nextTag === -1 ? source.length : nextTag)
    const parent = stack[stack.length - 1]
    if (parent) parent.text += decode(text, `<${parent.name}>`)
    else if (text.trim()) throw new Error(`Text outside the root element: ${text}`)
    if (nextTag === -1) break
    TAG.lastIndex = nextTag
    const tag = TAG.exec(source)
    if (!tag) throw new Error(`Malformed markup at ${nextTag}: ${source.slice(nextTag, nextTag + 40)}`)
    position = TAG.lastIndex
    const [, closing, name = '', rawAttributes = '', selfClosing] = tag
    if (closing) {
      const open = stack.pop()
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`)
      continue
    }
    if (!parent && root) throw new Error(`A second root element <${name}>`)
    const node: XmlNode = { name, attributes: {}, children: [], text: '' }
    for (const [, key = '', value = ''] of rawAttributes.matchAll(ATTRIBUTE)) {
      if (key in node.attributes) throw new Error(`<${name}> repeats the attribute ${key}`)
      node.attributes[key] = decode(value, `${name}@${key}`)
    }
    if (parent) parent.children.push(node)
    else root = node
    if (!selfClosing) stack.push(node)
  }
  if (stack.length > 0) throw new Error(`<${stack.map((node) => node.name).join('><')}> never closed`)
  if (!root) throw new Error('No root element')
  if (prolog[1] !== undefined && prolog[1] !== root.name) throw new Error(`DOCTYPE ${prolog[1]} but root <${root.name}>`)
  return root
}

/** Every element with this name, depth-first in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => findAll(child, name))]
}

/** The text of the first child element of this name (throws if there is none, so a missing element fails loudly). */
export function childText(node: XmlNode, name: string): string {
  const child = node.children.find((candidate) => candidate.name === name)
  if (!child) throw new Error(`<${node.name}> has no <${name}>`)
  return child.text
}
