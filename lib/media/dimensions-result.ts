// What every header reader answers: the size, "send more bytes", or why the header is not an image.
export type DimensionsResult =
  | { status: 'ok'; width: number; height: number }
  | { status: 'need-more' }
  | { status: 'invalid'; reason: string }

export const needMore: DimensionsResult = { status: 'need-more' }
export const invalid = (reason: string): DimensionsResult => ({ status: 'invalid', reason })
export const dataView = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
