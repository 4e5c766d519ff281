import { invalidGraphAnswer, isResyncRequired } from './graph-error';
import { type GraphDeltaItem, type GraphDeltaResult, type GraphPage } from './graph-types';

/** The pages of a listing from a URL through its @odata.nextLinks: the Graph client's pages(), guard against a repeated link included. */
export type PageSource<T> = (url: string) => AsyncIterable<GraphPage<T>>;

/**
 * One delta round: from the saved delta link (or the initial delta URL when
 * there is none) through every @odata.nextLink to the new @odata.deltaLink.
 * When Graph refuses the saved link (410 Gone, or a resync error code), the
 * round starts over once from the initial URL and says so.
 */
export async function runDelta<T>(pages: PageSource<GraphDeltaItem<T>>, initialUrl: string, deltaLink: string | undefined): Promise<GraphDeltaResult<T>> {
  try {
    return await oneRound(pages, deltaLink ?? initialUrl, false);
  } catch (error) {
    if (!isResyncRequired(error)) throw error;
    return oneRound(pages, initialUrl, true);
  }
}

async function oneRound<T>(pages: PageSource<GraphDeltaItem<T>>, url: string, resynced: boolean): Promise<GraphDeltaResult<T>> {
  const items: GraphDeltaItem<T>[] = [];
  for await (const page of pages(url)) {
    items.push(...page.items);
    if (page.nextLink === undefined && page.deltaLink !== undefined) return { items, deltaLink: page.deltaLink, resynced };
  }
  throw invalidGraphAnswer('GET', url, 'A delta page ended without @odata.nextLink or @odata.deltaLink.');
}
