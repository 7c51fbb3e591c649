/** In-process job workers. Each domain registers its handlers here as it lands (render, transcode, generation). */
export interface Workers {
  stop(): Promise<void>
}

export async function startWorkers(): Promise<Workers> {
  return { stop: async () => {} }
}
