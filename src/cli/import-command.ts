// `caucus import voters FILE`: the same import as the web upload (createImport + runImport, the voters.import
// job's code), run inline with a progress bar. Running the same command again resumes an interrupted import.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { scanDuplicates } from '../modules/voters/duplicates/scan.service.ts';
import { parseMapping } from '../modules/voters/import/import-request.ts';
import { createImport, runImport } from '../modules/voters/import/import.service.ts';
import type { ImportRow } from '../modules/voters/import/imports.queries.ts';
import { withDeps } from './context.ts';
import { progressBar } from './progress.ts';

interface Options {
  layout: 'nc' | 'csv';
  mapping?: string;
  campaign?: string;
  dryRun?: boolean;
  batchSize?: string;
  progress?: 'bar' | 'lines' | 'none';
  scan?: boolean;
}

function summary(imp: ImportRow): string {
  const verb = imp.dry_run ? 'would be ' : '';
  return [
    `Import ${imp.import_id}${imp.dry_run ? ' (dry run)' : ''}: ${imp.rows_read} rows read`,
    `  ${verb}inserted ${imp.inserted}, ${verb}updated ${imp.updated}, unchanged ${imp.unchanged}, rejected ${imp.rejected}`,
    `  warnings ${imp.warnings}${imp.rejected + imp.warnings > 0 ? ` (caucus: GET /api/v1/imports/${imp.import_id}/errors.csv)` : ''}`,
  ].join('\n');
}

export function importCommand(program: Command) {
  const cmd = program.command('import').description('Import data');
  cmd
    .command('voters <file>')
    .description('Import a voter file (NC State Board of Elections layout, or any CSV/TSV with --mapping)')
    .option('--layout <layout>', 'nc (default) or csv', 'nc')
    .option('--mapping <file>', 'mapping.json: {delimiter, encoding, header, columns: {source: field}}')
    .option('--campaign <id>', 'link every imported voter to this campaign')
    .option('--dry-run', 'report what would be inserted, updated and rejected; write no voters')
    .option('--batch-size <n>', 'lines merged per transaction (resume point)', '20000')
    .option('--progress <mode>', 'bar, lines (one line per batch) or none', process.stdout.isTTY ? 'bar' : 'lines')
    .option('--no-scan', 'skip the duplicate scan of the imported voters')
    .action(async (file: string, options: Options) => {
      if (options.layout !== 'nc' && options.layout !== 'csv') throw new Error('--layout must be nc or csv');
      if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
      const mapping = options.mapping ? parseMapping(fs.readFileSync(options.mapping, 'utf8'), '--mapping') : null;
      if (options.layout === 'csv' && !mapping) throw new Error('--layout csv needs --mapping');
      const campaignId = options.campaign ? Number(options.campaign) : null;
      if (campaignId !== null && !(Number.isInteger(campaignId) && campaignId > 0)) {
        throw new Error('--campaign must be a campaign id');
      }
      await withDeps(async ({ database }) => {
        const { import: created, resumed } = await createImport(database.db, {
          filePath: file,
          fileName: path.basename(file),
          layout: options.layout,
          mapping,
          campaignId,
          dryRun: options.dryRun ?? false,
          batchSize: Number(options.batchSize),
          resume: true,
        });
        process.stdout.write(
          `${resumed ? 'Resuming' : 'Starting'} import ${created.import_id} (${created.state === 'queued' ? 'new' : created.state})\n`,
        );
        const bar = options.progress === 'bar' ? progressBar('import', 'lines') : null;
        bar?.start(1);
        const done = await runImport(database, created.import_id, {
          onProgress: (imp) => {
            if (bar) {
              const staging = imp.state === 'staging' || imp.state === 'queued';
              bar.update(staging ? imp.bytes_read : imp.last_merged_line, staging ? imp.bytes_total : imp.last_line);
            } else if (options.progress === 'lines') {
              process.stdout.write(
                `${imp.state} rows_read=${imp.rows_read} merged_to_line=${imp.last_merged_line}/${imp.last_line} inserted=${imp.inserted} updated=${imp.updated}\n`,
              );
            }
          },
        });
        bar?.stop();
        process.stdout.write(`${summary(done)}\n`);
        if (!done.dry_run && options.scan !== false && done.inserted + done.updated > 0) {
          const { added } = await scanDuplicates(database.db, { importId: done.import_id });
          process.stdout.write(`Duplicate scan: ${added} new candidate pair(s) to review\n`);
        }
      });
    });
}
