// Writing the XML exports (Premiere's xmeml, Final Cut's FCPXML). Text arrives already cleanText()-ed.

/** Element content: "<" and "&" would start markup; ">" is escaped too so "]]>" can never appear. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Attribute values in double quotes. Line breaks and tabs become character references because a parser normalises
 * literal ones inside attributes to spaces, and a note's line breaks should survive into Final Cut.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}

/** An element to write: text content, or child elements, or neither (written self-closing). */
export interface XmlElement {
  name: string
  attributes?: Record<string, string | number>
  text?: string | number
  children?: XmlElement[]
}

/** Writes an element and its children, two spaces of indent a level, every value escaped on the way out. */
export function renderXmlElement(element: XmlElement, depth = 0): string {
  const indent = '  '.repeat(depth)
  const attributes = Object.entries(element.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('')
  const open = `${indent}<${element.name}${attributes}`
  if (element.text !== undefined) return `${open}>${escapeXmlText(String(element.text))}</${element.name}>\n`
  if (!element.children?.length) return `${open}/>\n`
  const children = element.children.map((child) => renderXmlElement(child, depth + 1)).join('')
  return `${open}>\n${children}${indent}</${element.name}>\n`
}

/** The declaration and DOCTYPE both xmeml and FCPXML files open with, then the root element. */
export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${root.name}>\n${renderXmlElement(root)}`
}
