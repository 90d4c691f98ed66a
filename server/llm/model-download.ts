import { basename, join, resolve } from 'node:path';
import { createModelDownloader } from 'node-llama-cpp';
import { assertGgufFile } from './gguf-file';

/** Small instruct model that runs on a 2-core CPU: Qwen2.5 0.5B Instruct, Q4_K_M (~490 MB, Apache-2.0). */
export const RECOMMENDED_MODEL = {
  uri: 'hf:Qwen/Qwen2.5-0.5B-Instruct-GGUF/qwen2.5-0.5b-instruct-q4_k_m.gguf',
  fileName: 'qwen2.5-0.5b-instruct-q4_k_m.gguf',
} as const;

export interface DownloadProgress {
  totalSize: number;
  downloadedSize: number;
  /** Milliseconds; Infinity while unknown. */
  estimatedTimeLeft: number;
  /** Bytes per second. */
  averageSpeed: number;
}

/**
 * Where a model file lands: `<repo>/models/<fileName>`. Names with directory parts are
 * refused so a crafted URI or argument cannot write outside the models folder.
 */
export function modelDestination(repoRoot: string, fileName: string): string {
  if (fileName !== basename(fileName) || fileName === '' || fileName.startsWith('.')) {
    throw new Error(`invalid model file name: ${JSON.stringify(fileName)}`);
  }
  if (!fileName.toLowerCase().endsWith('.gguf')) throw new Error(`model file name must end with .gguf: ${fileName}`);
  return join(resolve(repoRoot), 'models', fileName);
}

/** The file name a URI points at (`hf:user/repo/file.gguf#branch`, `https://.../file.gguf?x`), if it names one. */
export function fileNameFromUri(uri: string): string | undefined {
  const last = uri.split(/[?#]/)[0]?.split('/').at(-1);
  return last && last.toLowerCase().endsWith('.gguf') ? last : undefined;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '--:--';
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** One terminal line: `[#####.....]  50.0%  245.0 MB / 490.0 MB  12.0 MB/s  ETA 00:20`. */
export function renderProgressBar(progress: DownloadProgress, width = 30): string {
  const fraction = progress.totalSize > 0 ? Math.min(1, Math.max(0, progress.downloadedSize / progress.totalSize)) : 0;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const percent = `${(fraction * 100).toFixed(1).padStart(5)}%`;
  const sizes = `${formatBytes(progress.downloadedSize)} / ${progress.totalSize > 0 ? formatBytes(progress.totalSize) : '?'}`;
  return `${bar} ${percent}  ${sizes}  ${formatBytes(progress.averageSpeed)}/s  ETA ${formatDuration(progress.estimatedTimeLeft)}`;
}

export interface DownloadModelOptions {
  uri: string;
  destination: string;
  onProgress?: (progress: DownloadProgress) => void;
  signal?: AbortSignal;
  /** Give up when no byte arrives for this long (the downloader itself retries forever offline). */
  stallTimeoutMs?: number;
}

/** Downloads (resuming, skipping a complete existing file) and checks the result is a GGUF. */
export async function downloadModel(options: DownloadModelOptions): Promise<string> {
  const stall = stallWatchdog(options.stallTimeoutMs ?? 60_000, options.signal);
  try {
    const download = async () => {
      const downloader = await createModelDownloader({
        modelUri: options.uri,
        dirPath: resolve(options.destination, '..'),
        fileName: basename(options.destination),
        skipExisting: true,
        onProgress: (progress) => {
          stall.progressed();
          options.onProgress?.(progress);
        },
      });
      return downloader.download({ signal: stall.signal });
    };
    // Resolving the URI happens before download() and retries on its own: race all of it.
    const path = await Promise.race([download(), stall.stalled]);
    return await assertGgufFile(path);
  } finally {
    stall.dispose();
  }
}

/** Aborts (and rejects `stalled`) when `progressed()` is not called for `ms`. */
export function stallWatchdog(ms: number, outer?: AbortSignal) {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let reject: (error: Error) => void = () => {};
  const stalled = new Promise<never>((_, r) => (reject = r));
  stalled.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const error = new Error(`no data received for ${Math.round(ms / 1000)} s: check the network connection (or download the file yourself and set MODEL_PATH)`);
      controller.abort(error);
      reject(error);
    }, ms);
  };
  arm();
  return {
    signal: controller.signal,
    stalled,
    progressed: arm,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
