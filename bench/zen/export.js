// Writes the wizard's bare decision as a GoRules JDM graph, from the catalog the service answers at GET /api/agencies
// (read from standard input): the sure types of a selection (those every selected application that asks for a
// certificate is stated to accept) and the rejected types (those a selected application is stated to reject). It is
// the part of an answer a plain table can hold; the explanations, conflicts, products and proofing are not in it.
//   node export.js < agencies.json > eca-decision.json
'use strict';

const agencies = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const types = [...new Set(agencies.flatMap(a => [...a.acceptedTypes, ...a.rejectedTypes, ...a.unstatedTypes]))];
const literal = value => JSON.stringify(value);

// One row per application: the types a source states it accepts (a type the analyst only reads from a page is not
// sure), the types a source states or the analyst reads it rejects. One that takes no ECA certificate leaves the
// choice to the others (counts: false); the special entry that names no application accepts any type.
const stated = (agency, stance, basis) => agency.evidence
    .filter(e => e.stance === stance && (!basis || e.basis === basis)).map(e => e.type);
const rules = agencies.map(agency => ({
  _id: agency.code,
  _description: agency.title,
  selected: `contains($, ${literal(agency.code)})`,
  counts: literal(!agency.noEca),
  accepted: literal(agency.anyType ? types : stated(agency, 'accepted', 'stated')),
  rejected: literal(stated(agency, 'rejected')),
}));

const sure = types.map(type => `{type: ${literal(type)}, holds: some(stated, #.counts) and `
    + `all(filter(stated, #.counts), contains(#.accepted, ${literal(type)}))}`);
const rejected = types.map(type => `{type: ${literal(type)}, holds: some(stated, #.counts and contains(#.rejected, ${literal(type)}))}`);
const at = { x: 0, y: 0 };
const decision = {
  contentType: 'application/vnd.gorules.decision',
  nodes: [
    { id: 'request', type: 'inputNode', name: 'Request', position: at },
    {
      id: 'stated', type: 'decisionTableNode', name: 'What each selected application is stated to accept',
      position: at,
      content: {
        hitPolicy: 'collect', outputPath: 'stated', passThrough: true,
        inputs: [{ id: 'selected', name: 'Selected', type: 'expression', field: 'agencies' }],
        outputs: [
          { id: 'counts', name: 'Asks for a certificate', type: 'expression', field: 'counts' },
          { id: 'accepted', name: 'Accepted', type: 'expression', field: 'accepted' },
          { id: 'rejected', name: 'Rejected', type: 'expression', field: 'rejected' },
        ],
        rules,
      },
    },
    {
      id: 'types', type: 'expressionNode', name: 'Sure and rejected types', position: at,
      content: {
        expressions: [
          { id: 'certificateTypes', key: 'certificateTypes', value: `map(filter([${sure.join(', ')}], #.holds), #.type)` },
          { id: 'rejectedTypes', key: 'rejectedTypes', value: `map(filter([${rejected.join(', ')}], #.holds), #.type)` },
        ],
      },
    },
    { id: 'response', type: 'outputNode', name: 'Response', position: at },
  ],
  edges: [
    { id: 'request-stated', type: 'edge', sourceId: 'request', targetId: 'stated' },
    { id: 'stated-types', type: 'edge', sourceId: 'stated', targetId: 'types' },
    { id: 'types-response', type: 'edge', sourceId: 'types', targetId: 'response' },
  ],
};
process.stdout.write(JSON.stringify(decision, null, 2) + '\n');
