// The peer benchmark: GoRules ZEN evaluates the wizard's bare decision (eca-decision.json, from export.js). First it
// checks ZEN's answer against the service's for every agency alone and every pair (the same sure types, the same
// rejected types), then it times the selections RecommendationBenchmark times.
//   node bench.js DECISION_FILE SERVICE_URL WARM_UP_SECONDS SECONDS
'use strict';

const { ZenEngine } = require('@gorules/zen-engine');
const decision = new ZenEngine().createDecision(JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8')));
const [service, warmUp, seconds] = [process.argv[3], Number(process.argv[4] || 3), Number(process.argv[5] || 5)];

async function answer(agencies) {
  const response = await fetch(`${service}/api/recommendations`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ agencies }),
  });
  if (!response.ok) {
    throw new Error(`the service answered ${response.status} to ${agencies}`);
  }
  const body = await response.json();
  return { certificateTypes: body.certificateTypes, rejectedTypes: body.notOffered.map(n => n.type) };
}

const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

// Evaluations per second with this many in flight (ZEN evaluates off Node's thread: several in flight use every
// core, one at a time compares with one JMH thread).
async function throughput(agencies, inFlight) {
  const input = { agencies };
  const loop = async (until, count) => {
    while (Date.now() < until) {
      await decision.evaluate(input);
      count.n++;
    }
  };
  const run = async duration => {
    const count = { n: 0 };
    const until = Date.now() + duration * 1000;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: inFlight }, () => loop(until, count)));
    return count.n / (Number(process.hrtime.bigint() - started) / 1e9);
  };
  await run(warmUp);
  return run(seconds);
}

(async () => {
  const catalog = await (await fetch(`${service}/api/agencies`)).json();
  const codes = catalog.map(a => a.code);
  const selections = codes.flatMap((code, i) => [[code], ...codes.slice(i + 1).map(other => [code, other])]);
  const wrong = [];
  for (const agencies of selections) {
    const ours = await answer(agencies);
    const zen = (await decision.evaluate({ agencies })).result;
    if (!same(ours.certificateTypes, zen.certificateTypes) || !same(ours.rejectedTypes, zen.rejectedTypes)) {
      wrong.push(`${agencies.join(' + ')}: service ${JSON.stringify(ours)}, ZEN ${JSON.stringify(zen)}`);
    }
  }
  console.log(`check: ZEN and the service agree on ${selections.length - wrong.length} of ${selections.length}`
      + ' selections (every agency alone and every pair)');
  if (wrong.length > 0) {
    console.log(wrong.join('\n'));
    process.exit(1);
  }
  const ordinary = catalog.filter(a => !a.special).map(a => a.code);
  const timed = { '1': ['JPAS'], '2': ['CANES', 'JPAS'], '10': ordinary.slice(0, 10), special: ['NOT_LISTED'] };
  console.log(`ZEN ${require('@gorules/zen-engine/package.json').version} on Node ${process.version},`
      + ` ${warmUp} s warm-up, ${seconds} s each`);
  for (const [name, agencies] of Object.entries(timed)) {
    const one = await throughput(agencies, 1);
    const many = await throughput(agencies, 16);
    console.log(`zen selection=${name}: ${Math.round(one)} evaluations/s one at a time,`
        + ` ${Math.round(many)} with 16 in flight`);
  }
})().catch(error => {
  console.error(error);
  process.exit(1);
});
