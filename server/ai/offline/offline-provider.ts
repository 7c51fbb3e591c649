import { customProvider } from 'ai'
import { offlineImageModelId, offlineVideoModelId } from '@/lib/ai/model-spec'
import { OfflineImageModel } from './offline-image-model'
import { OfflineVideoModel } from './offline-video-model'

/** The built-in generator as an AI SDK provider: what runs when no model is configured, with no network at all. */
export const offlineProvider = customProvider({
  imageModels: { [offlineImageModelId]: new OfflineImageModel() },
  videoModels: { [offlineVideoModelId]: new OfflineVideoModel() },
})
