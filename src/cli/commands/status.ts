import type { Command } from 'commander';
import { queueDepths } from '../../shared/broker/queue-depths.js';
import { openRuntime } from '../open-runtime.js';

/** `registry-sync status`: counts by status, queue depths, dead letters. */
export function register(program: Command): void {
  program
    .command('status')
    .description('asset counts by sync and cleaning status, queue depths, dead letters')
    .option('--json', 'as JSON', false)
    .action(async (raw: { json: boolean }) => {
      const runtime = openRuntime();
      try {
        const connection = (await runtime.orm()).em.fork().getConnection();
        const sync = await connection.execute<{ status: string | null; count: string }[]>(
          'select sync_status as status, count(*) from asset group by 1 order by 1 nulls first',
        );
        const cleaning = await connection.execute<{ status: string | null; count: string }[]>(
          'select cleaning_status as status, count(*) from asset group by 1 order by 1 nulls first',
        );
        const queues = await queueDepths(await runtime.broker(), runtime.topology);
        const report = {
          sync: Object.fromEntries(sync.map((r) => [r.status ?? 'never pulled', Number(r.count)])),
          cleaning: Object.fromEntries(
            cleaning.map((r) => [r.status ?? 'never cleaned', Number(r.count)]),
          ),
          queues,
        };
        if (raw.json) return console.log(JSON.stringify(report, null, 2));
        console.log('sync status:');
        for (const [status, count] of Object.entries(report.sync))
          console.log(`  ${status.padEnd(16)} ${count}`);
        console.log('cleaning status:');
        for (const [status, count] of Object.entries(report.cleaning))
          console.log(`  ${status.padEnd(16)} ${count}`);
        console.log('queues (ready messages):');
        for (const [queue, depth] of Object.entries(queues))
          console.log(`  ${queue.padEnd(32)} ${depth ?? 'missing: run migrate'}`);
      } finally {
        await runtime.close();
      }
    });
}
