// The drawing palette: bright enough to read on any picture, distinct for the colour-blind pairs that matter most.
export const annotationColors = [
  { value: '#ff3b30', name: 'Red' },
  { value: '#ff9f0a', name: 'Orange' },
  { value: '#ffd60a', name: 'Yellow' },
  { value: '#30d158', name: 'Green' },
  { value: '#0a84ff', name: 'Blue' },
  { value: '#ffffff', name: 'White' },
] as const

export const defaultAnnotationColor = annotationColors[0].value
