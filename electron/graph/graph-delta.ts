import { ApiError, INVALID_RESPONSE } from '../http/api-error';
import { isResyncRequired } from './graph-error';
import { type GraphDeltaItem, type GraphDeltaResult, type GraphPage } from './graph-types';

export type PageReader<T> = (url: string, signal?: AbortSignal) => Promise<GraphPage<T>>;

/**
 * One delta round: from the saved delta link (or the initial delta URL when
 * there is none) through every @odata.nextLink to the new @odata.deltaLink.
 * When Graph refuses the saved link (410 Gone, or a resync error code), the
 * round starts over once from the initial URL and says so.
 */
export async function runDelta<T>(readPage: PageReader<GraphDeltaItem<T>>, initialUrl: string, deltaLink: string | undefined, signal?: AbortSignal): Promise<GraphDeltaResult<T>> {
  let url = deltaLink ?? initialUrl;
  let resynced = false;
  let items: GraphDeltaItem<T>[] = [];
  for (;;) {
    let page: GraphPage<GraphDeltaItem<T>>;
    try {
      page = await readPage(url, signal);
    } catch (error) {
      if (resynced || !isResyncRequired(error)) throw error;
      resynced = true;
      items = [];
      url = initialUrl;
      continue;
    }
    items.push(...page.items);
    if (page.nextLink !== undefined) {
      url = page.nextLink;
    } else if (page.deltaLink !== undefined) {
      return { items, deltaLink: page.deltaLink, resynced };
    } else {
      throw new ApiError({ service: 'Microsoft Graph', status: 200, method: 'GET', url, code: INVALID_RESPONSE, message: 'A delta page ended without @odata.nextLink or @odata.deltaLink.' });
    }
  }
}
