// ffmpeg and ffprobe for the rest of the server: find the binaries, read and vet uploaded video, run encodes.
export { resolveFfmpeg, resolveFfprobe, BinaryNotFoundError, type ResolvedBinary } from './resolve-binary'
export { probeMedia, untrustedInput, ProbeFailedError, type MediaProbe } from './probe-media'
export type { Rational, VideoStreamInfo, AudioStreamInfo } from './probe-result'
export { validateVideoUpload, type ValidatedVideo } from './validate-video-upload'
export { videoLimitsFromEnv, type VideoLimits } from './video-limits'
export { runFfmpeg, FfmpegError, type FfmpegProgress, type RunFfmpegOptions } from './run-ffmpeg'
export { ProcessTimeoutError } from './run-process'
