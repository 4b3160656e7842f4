/** Why a remote back end gave no usable answer. The composite recognizer falls back to local on any of these. */
export type RemoteFailure = 'http' | 'timeout' | 'network' | 'invalid_output' | 'refusal';

export class RemoteRecognizerError extends Error {
  constructor(
    readonly backend: 'luis' | 'openai',
    readonly failure: RemoteFailure,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(`${backend}: ${message}`, { cause: options?.cause });
    this.name = 'RemoteRecognizerError';
    this.status = options?.status;
  }

  readonly status?: number;
}
