#!/usr/bin/env node
// Prints the mutation score of each folder of the Stryker JSON report (default reports/mutation/mutation.json)
// and exits 1 when a folder given with --min is below it: `node scripts/mutation-score.js --min 80 lib/policy`.
// The score is the one of issue 15: killed + timed out over every valid mutant, "no coverage" counted as
// survived; compile errors and ignored (static) mutants are not valid mutants and are listed apart.
// --files also prints the score of every file under each folder (the table of docs/mutation.md).
'use strict';

const fs = require('fs');
const path = require('path');

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Counts per status of every file under a folder. */
function tally(report, folder) {
  const counts = { detected: 0, undetected: 0, invalid: 0, ignored: 0 };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!file.split(path.sep).join('/').startsWith(`${folder}/`)) continue;
    for (const { status } of mutants) {
      if (DETECTED.has(status)) counts.detected++;
      else if (UNDETECTED.has(status)) counts.undetected++;
      else if (status === 'Ignored') counts.ignored++;
      else counts.invalid++;
    }
  }
  const valid = counts.detected + counts.undetected;
  return { ...counts, valid, score: valid === 0 ? NaN : (100 * counts.detected) / valid };
}

function main(argv) {
  let min;
  let perFile = false;
  let reportPath = 'reports/mutation/mutation.json';
  const folders = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--min') min = Number(argv[++i]);
    else if (argv[i] === '--report') reportPath = argv[++i];
    else if (argv[i] === '--files') perFile = true;
    else folders.push(argv[i].replace(/\/+$/, ''));
  }
  if (folders.length === 0) folders.push('lib/policy', 'lib/analysis');
  if (!fs.existsSync(reportPath)) {
    console.error(`mutation-score: no report at ${reportPath} (run npm run mutation first)`);
    return 1;
  }
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  let failed = false;
  for (const folder of folders) {
    const t = tally(report, folder);
    const below = min !== undefined && !(t.score >= min);
    failed ||= below;
    console.log(
      `${folder}: ${t.score.toFixed(2)} % (${t.detected} killed or timed out of ${t.valid} valid mutants; ` +
        `${t.undetected} survived or not covered, ${t.ignored} static ignored, ${t.invalid} compile or runtime errors)` +
        (below ? ` below ${min} %` : ''),
    );
    if (!perFile) continue;
    const files = Object.keys(report.files)
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f.startsWith(`${folder}/`))
      .sort();
    for (const file of files) {
      const f = tally(
        { files: { [file]: report.files[file] ?? report.files[file.split('/').join(path.sep)] } },
        folder,
      );
      console.log(
        `  ${file.slice(folder.length + 1)}: ${f.valid === 0 ? '-' : `${f.score.toFixed(2)} %`} ` +
          `(${f.detected}/${f.valid}; ${f.ignored} static, ${f.invalid} errors)`,
      );
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
