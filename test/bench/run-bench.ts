import { parseArgs } from 'node:util';
import { benchmarks } from './benchmarks.js';

// `npm run bench -- <name> [--quick]` runs one benchmark (or all) and prints its figures as JSON.
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false } },
});

const requested = positionals.length > 0 ? positionals : Object.keys(benchmarks);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

for (const name of requested) {
  const figures = await benchmarks[name]({ quick: values.quick });
  console.log(JSON.stringify({ benchmark: name, quick: values.quick, ...figures }, null, 2));
}
process.exit(0);
