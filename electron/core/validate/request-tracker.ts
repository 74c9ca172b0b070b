import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/**
 * Watches the registry client's requests to tell the "authorize" step (the ACR token exchange)
 * from the "read" step (the catalog call made with the ACR token). The SDK does both inside
 * one listRepositoryNames() call, and its errors alone do not say which one failed.
 */
export class RequestTracker {
  /** Set when the catalog request is first sent with an ACR access token. */
  readSentAt: number | undefined;
  /** Status of the last token call (/oauth2/exchange or /oauth2/token), if any answered. */
  lastTokenStatus: number | undefined;
  private onRead: (() => void) | undefined;

  constructor(onRead?: () => void) {
    this.onRead = onRead;
  }

  policy(): PipelinePolicy {
    return {
      name: 'nexusRequestTracker',
      sendRequest: async (request, next) => {
        const path = new URL(request.url).pathname;
        const isToken = path === '/oauth2/exchange' || path === '/oauth2/token';
        if (!isToken && request.headers.has('authorization') && this.readSentAt === undefined) {
          this.readSentAt = Date.now();
          this.onRead?.();
          this.onRead = undefined;
        }
        const response = await next(request);
        if (isToken) this.lastTokenStatus = response.status;
        return response;
      },
    };
  }
}
