// DataSources for files the site serves (demo data, the configured data
// directory): the body is fetched lazily, so nothing is read until the ETL pulls.
import type { DataSource } from '../etl/source';
import type { SiteFile } from './api';

export async function siteSource(baseUrl: string, file: SiteFile, signal?: AbortSignal): Promise<DataSource> {
  const url = new URL(file.path, baseUrl).href;
  // The signal ends the request too: a cancel must never wait on a server that does not answer.
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) {
    throw new Error(`Could not fetch ${file.path}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const length = Number(response.headers.get('Content-Length'));
  let first: ReadableStream<Uint8Array> | undefined = response.body;
  return {
    name: file.path.slice(file.path.lastIndexOf('/') + 1),
    size: file.size ?? (Number.isFinite(length) && length > 0 ? length : -1),
    open() {
      // The first open() uses the response already fetched; a re-read fetches again.
      if (first) {
        const body = first;
        first = undefined;
        return body;
      }
      return refetch(url);
    },
  };
}

function refetch(url: string): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!reader) {
        const response = await fetch(url);
        if (!response.ok || !response.body) throw new Error(`Could not fetch ${url}: HTTP ${response.status}`);
        reader = response.body.getReader();
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader?.cancel(reason);
    },
  });
}
