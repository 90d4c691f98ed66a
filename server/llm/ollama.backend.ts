import { linkedAbort } from './linked-abort';
import type { GenerateRequest, LlmBackend } from './llm.types';
import { finishReasonOf, statsOf } from './ollama/chat-line.schema';
import { chatLines, type ChatBody } from './ollama/chat-stream';
import { ollamaConnection, trimHost, type ConnectionOptions, type OllamaConnection } from './ollama/ollama-connection';
import { OllamaModels } from './ollama/ollama-models';

export interface OllamaBackendOptions extends ConnectionOptions {
  model: string;
}

/** Streams chat answers from an Ollama server (see ollama/chat-stream.ts for the protocol handling). */
export function createOllamaBackend(options: OllamaBackendOptions): LlmBackend {
  const conn = ollamaConnection(options);
  const running = new Set<AbortController>();
  return {
    // Ollama serves tags of chat models in practice; the template is not inspected here.
    info: {
      kind: 'ollama',
      model: options.model,
      chatTuned: true,
      detail: `Ollama at ${conn.host}, ${conn.slots.limit} parallel, keep_alive ${conn.keepAlive}${options.numCtx ? `, num_ctx ${options.numCtx}` : ''}`,
    },
    generate: (request) => generate(conn, chatBody(options.model, request), request, running),
    close: async () => {
      for (const controller of running) controller.abort();
    },
  };
}

function chatBody(model: string, request: GenerateRequest): ChatBody {
  const history = request.messages.map((turn) => ({ role: turn.role, content: turn.content }));
  const { decoding } = request;
  return {
    model: request.model ?? model,
    messages: request.system === '' ? history : [{ role: 'system', content: request.system }, ...history],
    options: { temperature: decoding.temperature, top_p: decoding.topP, num_predict: decoding.maxTokens, seed: request.seed },
  };
}

async function* generate(conn: OllamaConnection, body: ChatBody, request: GenerateRequest, running: Set<AbortController>): AsyncGenerator<string> {
  // Our own controller also fires on close() and when the consumer stops iterating early.
  const { controller: stop, unlink } = linkedAbort(request.signal);
  running.add(stop);
  try {
    for await (const line of chatLines(conn, body, stop.signal)) {
      const content = line.message?.content ?? '';
      if (content !== '') yield content;
      if (line.done) {
        request.onStats?.(statsOf(line));
        request.onFinish?.({ reason: finishReasonOf(line.done_reason) });
      }
    }
  } finally {
    running.delete(stop);
    unlink();
    stop.abort();
  }
}

/** Start-up probe: true when an Ollama server answers /api/version within the timeout. */
export async function isOllamaReachable(host: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${trimHost(host)}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether the server has pulled `model`. */
export async function hasOllamaModel(host: string, model: string): Promise<boolean> {
  return new OllamaModels(host).has(model);
}
