// Test support: a strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes) that throws on anything else.

export function parseCsv(source: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let position = 0
  while (position < source.length) {
    let field = ''
    if (source[position] === '"') {
      position++
      for (;;) {
        const quote = source.indexOf('"', position)
        if (quote === -1) throw new Error('Unterminated quoted field')
        field += source.slice(position, quote)
        position = quote + 1
        if (source[position] !== '"') break
        field += '"'
        position++
      }
    } else {
      const end = source.slice(position).search(/[,\r\n"]/)
      field = end === -1 ? source.slice(position) : source.slice(position, position + end)
      position += field.length
      if (source[position] === '"') throw new Error(`A quote inside an unquoted field at ${position}`)
    }
    row.push(field)
    if (source[position] === ',') {
      position++
    } else if (source.startsWith('\r\n', position)) {
      rows.push(row)
      row = []
      position += 2
    } else {
      throw new Error(`Expected "," or CRLF after a field at ${position}`)
    }
  }
  if (row.length > 0) throw new Error('The last record does not end with CRLF')
  return rows
}
