import { describe, expect, it } from 'vitest';
import { cappedText } from './capped-body';

/** A body that arrives in chunks with no Content-Length, and counts how much was pulled from it. */
function chunked(chunk: string, times: number) {
  let pulled = 0;
  const bytes = new TextEncoder().encode(chunk);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === times) return controller.close();
      pulled += 1;
      controller.enqueue(bytes);
    },
  });
  const request = new Request('http://x/p/log', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('a capped request body', () => {
  it('is read whole when within the cap, in any number of chunks', async () => {
    const { request } = chunked('{"a":"é"}', 3);
    expect(await cappedText(request, 1024)).toBe('{"a":"é"}'.repeat(3));
  });

  it('is refused from its declared length without reading it', async () => {
    const request = new Request('http://x/p/log', {
      method: 'POST',
      body: 'x'.repeat(100),
      headers: { 'content-length': '100' },
    });
    expect(await cappedText(request, 99)).toBeNull();
    expect(request.bodyUsed).toBe(false);
  });

  it('stops reading a chunked body as soon as it passes the cap', async () => {
    const { request, pulled } = chunked('x'.repeat(1024), 10_000);
    expect(await cappedText(request, 16 * 1024)).toBeNull();
    expect(pulled()).toBeLessThan(20);
  });
});
