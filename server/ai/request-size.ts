import type { ImageProviderId, ModelSpec } from '@/lib/ai/model-spec'

type SizeOption = { size?: `${number}x${number}`; aspectRatio?: `${number}:${number}` }

// OpenAI's image models take a few fixed sizes; the closest in shape to the project's frame is the honest choice.
const openAiSizes: { match: RegExp; sizes: [number, number][] }[] = [
  { match: /^dall-e-3$/, sizes: [[1792, 1024], [1024, 1792], [1024, 1024]] },
  { match: /^dall-e-2$/, sizes: [[1024, 1024]] },
  { match: /.*/, sizes: [[1536, 1024], [1024, 1536], [1024, 1024]] },
]

/** How to ask each provider for a picture shaped like the project's frame. */
export function requestSizeFor(spec: ModelSpec<ImageProviderId>, frame: { width: number; height: number }): SizeOption {
  const ratio = frame.width / frame.height
  switch (spec.provider) {
    case 'offline': {
      // Paint at the frame's shape, at most 1920 wide, so a 4K project does not cost a 4K paint.
      const scale = Math.min(1, 1920 / Math.max(frame.width, frame.height))
      return { size: `${Math.round(frame.width * scale)}x${Math.round(frame.height * scale)}` }
    }
    case 'openai': {
      const { sizes } = openAiSizes.find((entry) => entry.match.test(spec.modelId))!
      const [w, h] = sizes.reduce((best, size) => (Math.abs(Math.log(size[0] / size[1] / ratio)) < Math.abs(Math.log(best[0] / best[1] / ratio)) ? size : best))
      return { size: `${w}x${h}` }
    }
    case 'openai-compatible': {
      // Self-hosted diffusion servers usually want multiples of 64 around a megapixel.
      const height = Math.round(Math.sqrt(1024 * 1024 / ratio) / 64) * 64
      const width = Math.round((height * ratio) / 64) * 64
      return { size: `${width}x${height}` }
    }
    case 'fal':
    case 'replicate':
      return { aspectRatio: simplestRatio(frame.width, frame.height) }
  }
}

function simplestRatio(width: number, height: number): `${number}:${number}` {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  const d = gcd(width, height)
  return `${width / d}:${height / d}`
}
