import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas'
import type { BackdropScene } from '@/lib/ai/prompt-scene'
import type { SeededRandom } from '@/lib/ai/seeded-random'

// Paints a plausible background plate from a read prompt: sky, light, far shapes, near ground, weather. Two layers
// (an opaque back plate and a transparent front one) so the offline video model can move them at different speeds.

export interface BackdropLayers {
  back: Canvas
  front: Canvas
}

interface Palette {
  skyTop: string
  skyBottom: string
  light: string
  /** How lit the ground is, 0..1. */
  brightness: number
}

const palettes: Record<BackdropScene['time'], Palette> = {
  day: { skyTop: '#3f86d4', skyBottom: '#c4e4f7', light: '#fff6d8', brightness: 1 },
  dawn: { skyTop: '#54669f', skyBottom: '#f7c59f', light: '#ffd7b0', brightness: 0.8 },
  sunset: { skyTop: '#352859', skyBottom: '#f48a3a', light: '#ffb35c', brightness: 0.65 },
  dusk: { skyTop: '#17204a', skyBottom: '#8a6f9e', light: '#c9b4e0', brightness: 0.42 },
  night: { skyTop: '#03060f', skyBottom: '#16264a', light: '#dfe8ff', brightness: 0.22 },
}

const grounds: Record<BackdropScene['setting'], [string, string]> = {
  fields: ['#6f9a43', '#3e6a26'],
  forest: ['#2f5a2e', '#1a3a1c'],
  desert: ['#e0b874', '#b98a4a'],
  city: ['#6d6f75', '#3c3e44'],
  sea: ['#2f6f9f', '#123d63'],
  mountains: ['#6b7f5a', '#3f5238'],
  snowfield: ['#f2f5fa', '#c9d3e3'],
  interior: ['#7a5a3f', '#4e3826'],
}

const moodTints: Record<BackdropScene['mood'], { color: string; alpha: number } | null> = {
  neutral: null,
  warm: { color: '#ff9a3c', alpha: 0.14 },
  cold: { color: '#3c7dff', alpha: 0.16 },
  eerie: { color: '#2e6b3a', alpha: 0.22 },
  bright: { color: '#ffffff', alpha: 0.1 },
}

export function paintBackdrop(scene: BackdropScene, random: SeededRandom, width: number, height: number): BackdropLayers {
  const back = createCanvas(width, height)
  const front = createCanvas(width, height)
  const b = back.getContext('2d')
  const f = front.getContext('2d')
  const palette = weatherPalette(palettes[scene.time], scene.weather)
  const horizon = height * random.range(0.52, 0.66)

  if (scene.setting === 'interior') {
    paintInterior(b, f, palette, random, width, height)
  } else {
    paintSky(b, palette, scene, random, width, horizon)
    // The back plate carries the ground too, so when the front layer drifts in the video no seam shows beneath it.
    fillGround(b, palette, scene, width, height, horizon)
    paintFarShapes(b, palette, scene, random, width, height, horizon)
    paintGround(f, palette, scene, random, width, height, horizon)
  }
  paintWeather(f, scene, random, width, height)
  const tint = moodTints[scene.mood]
  for (const ctx of [b, f]) {
    if (tint) {
      ctx.globalCompositeOperation = 'source-atop'
      ctx.globalAlpha = tint.alpha
      ctx.fillStyle = tint.color
      ctx.fillRect(0, 0, width, height)
      ctx.globalAlpha = 1
      ctx.globalCompositeOperation = 'source-over'
    }
  }
  if (scene.mood === 'eerie' || scene.time === 'night') vignette(f, width, height, scene.mood === 'eerie' ? 0.55 : 0.35)
  return { back, front }
}

/** The two layers flattened into one picture. */
export function flattenBackdrop(layers: BackdropLayers, options: { greyscale?: boolean } = {}): Canvas {
  const { width, height } = layers.back
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(layers.back, 0, 0)
  ctx.drawImage(layers.front, 0, 0)
  if (options.greyscale) {
    const image = ctx.getImageData(0, 0, width, height)
    const data = image.data
    for (let i = 0; i < data.length; i += 4) {
      const grey = Math.round(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!)
      data[i] = data[i + 1] = data[i + 2] = grey
    }
    ctx.putImageData(image, 0, 0)
  }
  return canvas
}

function weatherPalette(palette: Palette, weather: BackdropScene['weather']): Palette {
  if (weather === 'clear') return palette
  const grey = weather === 'storm' ? '#2c3038' : weather === 'fog' ? '#c8ccd2' : '#8d96a3'
  const amount = weather === 'storm' ? 0.75 : weather === 'cloudy' ? 0.45 : 0.6
  return {
    skyTop: mix(palette.skyTop, grey, amount),
    skyBottom: mix(palette.skyBottom, grey, amount),
    light: palette.light,
    brightness: palette.brightness * (weather === 'storm' ? 0.6 : 0.85),
  }
}

function paintSky(ctx: SKRSContext2D, palette: Palette, scene: BackdropScene, random: SeededRandom, width: number, horizon: number): void {
  const sky = ctx.createLinearGradient(0, 0, 0, horizon)
  sky.addColorStop(0, palette.skyTop)
  sky.addColorStop(1, palette.skyBottom)
  ctx.fillStyle = sky
  ctx.fillRect(0, 0, width, horizon + 2)

  if (scene.time === 'night' && (scene.weather === 'clear' || scene.weather === 'cloudy')) {
    const stars = Math.round((width * horizon) / 2500)
    for (let i = 0; i < stars; i++) {
      ctx.globalAlpha = random.range(0.3, 1)
      ctx.fillStyle = '#ffffff'
      const size = random.range(0.6, 1.8)
      ctx.fillRect(random.range(0, width), random.range(0, horizon * 0.85), size, size)
    }
    ctx.globalAlpha = 1
  }

  const hidden = scene.weather === 'storm' || scene.weather === 'rain' || scene.weather === 'fog'
  if (!hidden) {
    const low = scene.time === 'sunset' || scene.time === 'dawn'
    const x = random.range(width * 0.15, width * 0.85)
    const y = low ? horizon - random.range(0.02, 0.12) * horizon : random.range(0.12, 0.35) * horizon
    const radius = Math.max(6, width * (scene.time === 'night' ? 0.025 : low ? 0.05 : 0.035))
    const glow = ctx.createRadialGradient(x, y, radius * 0.5, x, y, radius * 6)
    glow.addColorStop(0, withAlpha(palette.light, 0.55))
    glow.addColorStop(1, withAlpha(palette.light, 0))
    ctx.fillStyle = glow
    ctx.fillRect(0, 0, width, horizon)
    ctx.fillStyle = scene.time === 'night' ? '#f4f1e3' : palette.light
    ctx.beginPath()
    ctx.arc(x, y, radius, 0, Math.PI * 2)
    ctx.fill()
  }

  const cloudCount = { clear: 3, cloudy: 12, rain: 14, storm: 16, fog: 4, snow: 10 }[scene.weather]
  const cloudColour = scene.time === 'night' ? '#2a3350' : scene.weather === 'storm' ? '#3a3f49' : mix('#ffffff', palette.skyBottom, 0.3)
  for (let i = 0; i < cloudCount; i++) {
    const cx = random.range(-0.1, 1.1) * width
    const cy = random.range(0.05, 0.6) * horizon
    const w = random.range(0.08, 0.22) * width
    ctx.globalAlpha = random.range(0.35, 0.8)
    ctx.fillStyle = cloudColour
    for (let puff = 0; puff < 5; puff++) {
      ctx.beginPath()
      ctx.ellipse(cx + random.range(-w / 2, w / 2), cy + random.range(-w * 0.08, w * 0.08), w * random.range(0.25, 0.45), w * random.range(0.1, 0.18), 0, 0, Math.PI * 2)
      ctx.fill()
    }
  }
  ctx.globalAlpha = 1
}

function paintFarShapes(ctx: SKRSContext2D, palette: Palette, scene: BackdropScene, random: SeededRandom, width: number, height: number, horizon: number): void {
  const far = shade(mix(palette.skyBottom, '#29323f', 0.55), palette.brightness * 0.6 + 0.4)
  if (scene.setting === 'city') {
    let x = -random.range(0, 40)
    while (x < width) {
      const w = random.range(0.04, 0.1) * width
      const h = random.range(0.15, 0.5) * horizon
      ctx.fillStyle = shade(far, random.range(0.8, 1.1))
      ctx.fillRect(x, horizon - h, w, h + 2)
      const lit = scene.time === 'night' || scene.time === 'dusk'
      if (lit) {
        for (let wy = horizon - h + 6; wy < horizon - 6; wy += 9) {
          for (let wx = x + 4; wx < x + w - 4; wx += 8) {
            if (random.next() < 0.35) {
              ctx.fillStyle = random.pick(['#ffd98a', '#fff1c4', '#9fd4ff'])
              ctx.fillRect(wx, wy, 3, 4)
            }
          }
        }
      }
      x += w + random.range(0, 6)
    }
    return
  }
  if (scene.setting === 'sea') return
  const ridges = scene.setting === 'mountains' || scene.setting === 'snowfield' ? 2 : 1
  for (let r = 0; r < ridges; r++) {
    const peak = scene.setting === 'mountains' || scene.setting === 'snowfield' ? random.range(0.3, 0.55) : scene.setting === 'desert' ? random.range(0.06, 0.16) : random.range(0.05, 0.14)
    const points = ridgeLine(random, width, horizon, horizon * peak * (r === 0 ? 1 : 0.6), scene.setting === 'desert' ? 5 : 9)
    ctx.fillStyle = r === 0 ? far : shade(far, 0.8)
    ctx.beginPath()
    ctx.moveTo(0, horizon + 2)
    for (const [px, py] of points) ctx.lineTo(px, py)
    ctx.lineTo(width, horizon + 2)
    ctx.closePath()
    ctx.fill()
    if (scene.setting === 'snowfield' || (scene.setting === 'mountains' && scene.weather === 'snow')) {
      ctx.fillStyle = withAlpha('#ffffff', 0.8)
      for (const [px, py] of points) if (py < horizon - horizon * peak * 0.6) ctx.fillRect(px - 6, py, 12, 6)
    }
  }
  if (scene.setting === 'forest') {
    for (let i = 0; i < width / 14; i++) tree(ctx, random.range(0, width), horizon + 2, random.range(0.08, 0.2) * height, shade(far, 0.75))
  }
  void height
}

function fillGround(ctx: SKRSContext2D, palette: Palette, scene: BackdropScene, width: number, height: number, horizon: number): void {
  const [near, nearer] = grounds[scene.setting]
  const ground = ctx.createLinearGradient(0, horizon, 0, height)
  ground.addColorStop(0, shade(near, palette.brightness * 0.7 + 0.3))
  ground.addColorStop(1, shade(nearer, palette.brightness * 0.7 + 0.3))
  ctx.fillStyle = ground
  ctx.fillRect(0, horizon, width, height - horizon)
}

function paintGround(ctx: SKRSContext2D, palette: Palette, scene: BackdropScene, random: SeededRandom, width: number, height: number, horizon: number): void {
  const [near, nearer] = grounds[scene.setting]
  fillGround(ctx, palette, scene, width, height, horizon)

  if (scene.setting === 'sea') {
    ctx.strokeStyle = withAlpha(palette.light, 0.35)
    for (let i = 0; i < 60; i++) {
      const y = random.range(horizon + 4, height)
      const x = random.range(0, width)
      ctx.lineWidth = 1 + ((y - horizon) / (height - horizon)) * 2
      ctx.beginPath()
      ctx.moveTo(x, y)
      ctx.lineTo(x + random.range(10, 60) * (1 + (y - horizon) / height), y)
      ctx.stroke()
    }
  } else if (scene.setting === 'desert') {
    for (let i = 0; i < 3; i++) {
      const y = horizon + (height - horizon) * (0.3 + i * 0.25)
      ctx.fillStyle = shade(near, (palette.brightness * 0.7 + 0.3) * (0.9 - i * 0.08))
      ctx.beginPath()
      ctx.moveTo(0, height)
      for (const [px, py] of ridgeLine(random, width, y, (height - horizon) * 0.12, 4)) ctx.lineTo(px, py)
      ctx.lineTo(width, height)
      ctx.closePath()
      ctx.fill()
    }
  } else if (scene.setting === 'city') {
    // A street running into the distance.
    ctx.fillStyle = shade('#2b2d31', palette.brightness * 0.5 + 0.5)
    ctx.beginPath()
    ctx.moveTo(width * 0.46, horizon)
    ctx.lineTo(width * 0.54, horizon)
    ctx.lineTo(width * 0.9, height)
    ctx.lineTo(width * 0.1, height)
    ctx.closePath()
    ctx.fill()
    ctx.strokeStyle = withAlpha('#f2e6a0', 0.7)
    ctx.lineWidth = 3
    ctx.setLineDash([18, 22])
    ctx.beginPath()
    ctx.moveTo(width / 2, horizon)
    ctx.lineTo(width / 2, height)
    ctx.stroke()
    ctx.setLineDash([])
  } else if (scene.setting === 'forest') {
    for (let i = 0; i < 9; i++) tree(ctx, random.range(0, width), random.range(horizon + 10, height), random.range(0.25, 0.6) * height, shade('#16301a', palette.brightness * 0.6 + 0.4))
  } else {
    // Grass or rock texture: short strokes that thicken towards the camera.
    ctx.strokeStyle = withAlpha(shade(nearer, 0.8), 0.5)
    for (let i = 0; i < 220; i++) {
      const y = random.range(horizon + 2, height)
      const x = random.range(0, width)
      const depth = (y - horizon) / (height - horizon)
      ctx.lineWidth = 0.5 + depth * 1.5
      ctx.beginPath()
      ctx.moveTo(x, y)
      ctx.lineTo(x + random.range(-2, 2), y - 3 - depth * 10)
      ctx.stroke()
    }
  }
}

function paintInterior(b: SKRSContext2D, f: SKRSContext2D, palette: Palette, random: SeededRandom, width: number, height: number): void {
  const wall = random.pick(['#c9b79c', '#9fb0b8', '#b58f7a', '#d8d2c4'])
  const lit = palette.brightness * 0.6 + 0.4
  b.fillStyle = shade(wall, lit)
  b.fillRect(0, 0, width, height)
  // A window onto the time of day: the light in the room comes from it.
  const wx = random.range(0.15, 0.55) * width
  const wy = height * 0.18
  const ww = width * random.range(0.22, 0.32)
  const wh = height * 0.38
  const sky = b.createLinearGradient(0, wy, 0, wy + wh)
  sky.addColorStop(0, palette.skyTop)
  sky.addColorStop(1, palette.skyBottom)
  b.fillStyle = sky
  b.fillRect(wx, wy, ww, wh)
  b.strokeStyle = shade(wall, lit * 0.55)
  b.lineWidth = Math.max(3, width * 0.006)
  b.strokeRect(wx, wy, ww, wh)
  b.beginPath()
  b.moveTo(wx + ww / 2, wy)
  b.lineTo(wx + ww / 2, wy + wh)
  b.moveTo(wx, wy + wh / 2)
  b.lineTo(wx + ww, wy + wh / 2)
  b.stroke()
  const spill = b.createRadialGradient(wx + ww / 2, wy + wh, 10, wx + ww / 2, wy + wh, width * 0.5)
  spill.addColorStop(0, withAlpha(palette.light, 0.25))
  spill.addColorStop(1, withAlpha(palette.light, 0))
  b.fillStyle = spill
  b.fillRect(0, 0, width, height)

  const floorTop = height * 0.72
  f.fillStyle = shade('#5a4030', lit)
  f.fillRect(0, floorTop, width, height - floorTop)
  f.fillStyle = shade('#3a2a20', lit)
  f.fillRect(0, floorTop - height * 0.015, width, height * 0.015)
  f.strokeStyle = withAlpha('#000000', 0.15)
  for (let x = -width; x < width * 2; x += width / 10) {
    f.beginPath()
    f.moveTo(width / 2 + (x - width / 2) * 0.4, floorTop)
    f.lineTo(x, height)
    f.stroke()
  }
}

function paintWeather(ctx: SKRSContext2D, scene: BackdropScene, random: SeededRandom, width: number, height: number): void {
  if (scene.setting === 'interior') return
  if (scene.weather === 'rain' || scene.weather === 'storm') {
    ctx.strokeStyle = withAlpha('#cfd8e6', scene.weather === 'storm' ? 0.45 : 0.35)
    ctx.lineWidth = 1
    const drops = Math.round((width * height) / 1800)
    for (let i = 0; i < drops; i++) {
      const x = random.range(0, width)
      const y = random.range(0, height)
      const length = random.range(8, 22)
      ctx.beginPath()
      ctx.moveTo(x, y)
      ctx.lineTo(x - length * 0.25, y + length)
      ctx.stroke()
    }
    if (scene.weather === 'storm') {
      ctx.strokeStyle = withAlpha('#f5f7ff', 0.85)
      ctx.lineWidth = 2
      let x = random.range(0.2, 0.8) * width
      let y = 0
      ctx.beginPath()
      ctx.moveTo(x, y)
      while (y < height * 0.45) {
        x += random.range(-30, 30)
        y += random.range(15, 40)
        ctx.lineTo(x, y)
      }
      ctx.stroke()
    }
  } else if (scene.weather === 'snow') {
    ctx.fillStyle = withAlpha('#ffffff', 0.85)
    const flakes = Math.round((width * height) / 2500)
    for (let i = 0; i < flakes; i++) {
      ctx.beginPath()
      ctx.arc(random.range(0, width), random.range(0, height), random.range(0.8, 2.6), 0, Math.PI * 2)
      ctx.fill()
    }
  } else if (scene.weather === 'fog') {
    for (let i = 0; i < 4; i++) {
      const y = height * random.range(0.35, 0.8)
      const band = ctx.createLinearGradient(0, y - height * 0.2, 0, y + height * 0.2)
      band.addColorStop(0, withAlpha('#e6e8ec', 0))
      band.addColorStop(0.5, withAlpha('#e6e8ec', 0.45))
      band.addColorStop(1, withAlpha('#e6e8ec', 0))
      ctx.fillStyle = band
      ctx.fillRect(0, y - height * 0.2, width, height * 0.4)
    }
  }
}

function tree(ctx: SKRSContext2D, x: number, base: number, size: number, colour: string): void {
  ctx.fillStyle = colour
  ctx.beginPath()
  ctx.moveTo(x, base - size)
  ctx.lineTo(x + size * 0.22, base - size * 0.1)
  ctx.lineTo(x - size * 0.22, base - size * 0.1)
  ctx.closePath()
  ctx.fill()
  ctx.fillRect(x - size * 0.025, base - size * 0.12, size * 0.05, size * 0.12)
}

function ridgeLine(random: SeededRandom, width: number, baseY: number, amplitude: number, segments: number): [number, number][] {
  const points: [number, number][] = []
  for (let i = 0; i <= segments; i++) {
    points.push([(i / segments) * width, baseY - amplitude * random.range(0.3, 1)])
  }
  // One round of midpoint displacement roughens the silhouette without making it noisy.
  const rough: [number, number][] = []
  for (let i = 0; i < points.length - 1; i++) {
    const [x1, y1] = points[i]!
    const [x2, y2] = points[i + 1]!
    rough.push([x1, y1], [(x1 + x2) / 2, (y1 + y2) / 2 + random.range(-0.25, 0.25) * amplitude])
  }
  rough.push(points.at(-1)!)
  return rough
}

function parseHex(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}

function toHex([r, g, b]: [number, number, number]): string {
  const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)))
  return `#${((1 << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b)).toString(16).slice(1)}`
}

function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = parseHex(a)
  const [r2, g2, b2] = parseHex(b)
  return toHex([r1 + (r2 - r1) * t, g1 + (g2 - g1) * t, b1 + (b2 - b1) * t])
}

function shade(hex: string, factor: number): string {
  const [r, g, b] = parseHex(hex)
  return toHex([r * factor, g * factor, b * factor])
}

function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = parseHex(hex)
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

function vignette(ctx: SKRSContext2D, width: number, height: number, strength: number): void {
  const gradient = ctx.createRadialGradient(width / 2, height / 2, Math.min(width, height) * 0.35, width / 2, height / 2, Math.max(width, height) * 0.75)
  gradient.addColorStop(0, 'rgba(0, 0, 0, 0)')
  gradient.addColorStop(1, `rgba(0, 0, 0, ${strength})`)
  ctx.fillStyle = gradient
  ctx.fillRect(0, 0, width, height)
}
