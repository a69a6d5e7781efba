import { badParam } from './error-body.ts';

/** A page of a list resource with Twilio's paging keys (§9.1). */
export function page<T>(
  key: string,
  items: T[],
  path: string,
  query: Record<string, string | undefined>,
): Record<string, unknown> {
  const pageSize = intParam(query.PageSize, 50, 1, 1000, 'PageSize');
  const pageNo = intParam(query.Page, 0, 0, Number.MAX_SAFE_INTEGER, 'Page');
  const start = pageNo * pageSize;
  const slice = items.slice(start, start + pageSize);
  const filters = Object.entries(query).filter(
    ([k, v]) => v !== undefined && !['Page', 'PageSize', 'PageToken'].includes(k),
  ) as [string, string][];
  const uriFor = (p: number): string => {
    const qs = new URLSearchParams([...filters, ['PageSize', String(pageSize)], ['Page', String(p)]]);
    return `${path}?${qs.toString()}`;
  };
  return {
    [key]: slice,
    uri: uriFor(pageNo),
    first_page_uri: uriFor(0),
    next_page_uri: start + pageSize < items.length ? `${uriFor(pageNo + 1)}&PageToken=PA${pageNo + 1}` : null,
    previous_page_uri: pageNo > 0 ? uriFor(pageNo - 1) : null,
    page: pageNo,
    page_size: pageSize,
    start,
    end: slice.length === 0 ? start : start + slice.length - 1,
  };
}

function intParam(raw: string | undefined, dflt: number, min: number, max: number, name: string): number {
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw badParam(20001, `Invalid ${name}: ${raw}`);
  return Math.min(n, max);
}
