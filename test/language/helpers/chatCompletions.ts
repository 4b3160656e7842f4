/** Chat-completions wire-format bodies, as an OpenAI-compatible server sends them. */
export function chatCompletion(message: { content: string | null; refusal?: string | null }, finishReason = 'stop'): unknown {
  return {
    id: 'chatcmpl-test-1',
    object: 'chat.completion',
    created: 1_763_800_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', content: message.content, refusal: message.refusal ?? null }, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 812, completion_tokens: 64, total_tokens: 876 },
    system_fingerprint: 'fp_test',
  };
}

export function apiError(status: number, message: string, type: string): unknown {
  return { error: { message, type, param: null, code: null }, status };
}
