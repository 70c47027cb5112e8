import pg from 'pg';

interface Watched {
  slug: string;
  marker: string;
  resolve(at: number): void;
  reject(error: Error): void;
  deadline: number;
}

/**
 * Polls PostgreSQL every `everyMs` (default 10 ms) with one cheap select over every watched
 * asset, until each one's cleaned readme contains its marker. `seen` resolves with the
 * `performance.now()` of the poll that saw it, and rejects after `timeoutMs` (default 60 s).
 */
export async function watchReadmeMarkers(url: string, everyMs = 10, timeoutMs = 60_000) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const watched = new Set<Watched>();
  let running = true;

  const loop = (async () => {
    while (running) {
      const entries = [...watched];
      if (entries.length > 0) {
        const answer = client.query<{ slug: string }>(
          `select p.slug from unnest($1::text[], $2::text[]) as p(slug, marker)
             join asset a on a.slug = p.slug
           where strpos(a.readme, p.marker) > 0`,
          [entries.map((e) => e.slug), entries.map((e) => e.marker)],
        );
        const rows = await answer.then(
          (result) => result.rows,
          (error: Error) => {
            for (const entry of entries) entry.reject(error);
            watched.clear();
            return [];
          },
        );
        const at = performance.now();
        const done = new Set(rows.map((row) => row.slug));
        for (const entry of entries) {
          if (done.has(entry.slug)) entry.resolve(at);
          else if (at > entry.deadline) {
            entry.reject(
              new Error(`${entry.slug}: readme without ${entry.marker} after ${timeoutMs} ms`),
            );
          } else continue;
          watched.delete(entry);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();

  return {
    seen(slug: string, marker: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        watched.add({ slug, marker, resolve, reject, deadline });
      });
    },
    async close() {
      running = false;
      await loop;
      await client.end();
    },
  };
}
