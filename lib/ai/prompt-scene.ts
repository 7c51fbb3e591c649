// Reads a background prompt the way a storyboard artist would skim it: when is it, where, what weather, what mood.
// The offline generator paints from this; words it does not know are ignored, so any prompt gives a picture.

export const sceneTimes = ['day', 'dawn', 'sunset', 'dusk', 'night'] as const
export const sceneSettings = ['fields', 'forest', 'desert', 'city', 'sea', 'mountains', 'snowfield', 'interior'] as const
export const sceneWeathers = ['clear', 'cloudy', 'rain', 'storm', 'fog', 'snow'] as const
export const sceneMoods = ['neutral', 'warm', 'cold', 'eerie', 'bright'] as const

export interface BackdropScene {
  time: (typeof sceneTimes)[number]
  setting: (typeof sceneSettings)[number]
  weather: (typeof sceneWeathers)[number]
  mood: (typeof sceneMoods)[number]
  /** The words that decided the scene, for the provenance parameters and for tests. */
  matched: string[]
}

type Vocabulary<T extends string> = [T, readonly string[]][]

// Order matters where words overlap: the first listed value that matches wins.
const times: Vocabulary<BackdropScene['time']> = [
  ['night', ['night', 'midnight', 'moon', 'moonlit', 'moonlight', 'starry', 'stars', 'nocturnal', 'dark']],
  ['sunset', ['sunset', 'sundown', 'golden hour', 'evening', 'magic hour']],
  ['dusk', ['dusk', 'twilight', 'blue hour', 'gloaming']],
  ['dawn', ['dawn', 'sunrise', 'daybreak', 'morning']],
  ['day', ['day', 'daylight', 'noon', 'midday', 'afternoon', 'sunny', 'sunlit']],
]
const settings: Vocabulary<BackdropScene['setting']> = [
  ['interior', ['interior', 'inside', 'indoors', 'room', 'kitchen', 'bedroom', 'office', 'hallway', 'corridor', 'bar', 'diner', 'apartment', 'warehouse', 'int.']],
  ['city', ['city', 'street', 'downtown', 'urban', 'skyline', 'alley', 'rooftop', 'town', 'buildings', 'neon']],
  ['forest', ['forest', 'woods', 'woodland', 'jungle', 'trees', 'grove', 'pines']],
  ['desert', ['desert', 'dunes', 'sand', 'canyon', 'mesa', 'badlands']],
  ['sea', ['sea', 'ocean', 'beach', 'coast', 'shore', 'harbor', 'harbour', 'lake', 'waves', 'pier']],
  ['snowfield', ['tundra', 'glacier', 'arctic', 'snowfield', 'ice field']],
  ['mountains', ['mountain', 'mountains', 'peaks', 'alps', 'cliffs', 'ridge', 'valley', 'hills']],
  ['fields', ['field', 'fields', 'meadow', 'farm', 'prairie', 'countryside', 'plains', 'grass']],
]
const weathers: Vocabulary<BackdropScene['weather']> = [
  ['storm', ['storm', 'stormy', 'thunder', 'lightning', 'thunderstorm', 'tempest']],
  ['rain', ['rain', 'rainy', 'raining', 'drizzle', 'downpour', 'wet']],
  ['snow', ['snow', 'snowy', 'snowing', 'blizzard', 'winter']],
  ['fog', ['fog', 'foggy', 'mist', 'misty', 'haze', 'hazy', 'smoke']],
  ['cloudy', ['cloudy', 'clouds', 'overcast', 'grey sky', 'gray sky']],
]
const moods: Vocabulary<BackdropScene['mood']> = [
  ['eerie', ['eerie', 'creepy', 'ominous', 'sinister', 'horror', 'haunted', 'menacing', 'tense']],
  ['cold', ['cold', 'bleak', 'lonely', 'sad', 'melancholy', 'icy', 'grim']],
  ['warm', ['warm', 'cozy', 'cosy', 'romantic', 'nostalgic', 'golden']],
  ['bright', ['bright', 'cheerful', 'happy', 'vivid', 'colorful', 'colourful', 'joyful']],
]

export function readPromptScene(prompt: string): BackdropScene {
  const text = ` ${prompt.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, ' ')} `
  const matched: string[] = []
  const find = <T extends string>(vocabulary: Vocabulary<T>, fallback: T): T => {
    for (const [value, words] of vocabulary) {
      const word = words.find((w) => text.includes(` ${w} `))
      if (word) {
        matched.push(word)
        return value
      }
    }
    return fallback
  }
  const time = find(times, 'day')
  const setting = find(settings, 'fields')
  // Snowfields are snowy unless the prompt says otherwise.
  const weather = find(weathers, setting === 'snowfield' ? 'snow' : 'clear')
  const mood = find(moods, 'neutral')
  return { time, setting, weather, mood, matched }
}
