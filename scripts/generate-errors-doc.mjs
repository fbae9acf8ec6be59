// Writes docs/errors.md from the registries in src/errors (compiled into build/). The committed file is what
// src/errors/status.test.ts checks, so run this after changing a registry and commit the result.
// Usage: npx tsc -b && node scripts/generate-errors-doc.mjs
import { writeFileSync } from 'node:fs';
import { Status, NotificationCode, GqlStatus, classificationOf } from '../build/src/errors/index.js';

const lines = [];
const line = (text = '') => lines.push(text);
/** Markdown cell text: a `|` would end the cell. */
const cell = (text) => text.replaceAll('|', '\\|');

line('# Status codes');
line();
line('Every code Quiver reports, generated from the registries in `src/errors/` by');
line(
  '`scripts/generate-errors-doc.mjs` and kept in sync by `src/errors/status.test.ts`: the test fails when a',
);
line('code is missing on either side or when a GQLSTATUS, cause or classification here differs from the');
line('registry. Edit the registry first, then regenerate this file.');
line();
line('Sources: Neo4j codes from neo4j/docs-status-codes (`errors/all-errors.adoc`,');
line(
  '`notifications/all-notifications.adoc`); GQLSTATUS subconditions, classifications and message templates',
);
line("from docs-status-codes `errors/gql-errors/*.adoc` and Neo4j's `GqlStatusInfoCodes`; the pairing of a");
line("Neo4j code with a GQLSTATUS from the places in Neo4j's source that raise them.");
line();
line('The tables are kept compact on purpose (`prettier-ignore`): aligned, their rows would be hundreds of');
line('characters wide.');
line();
line('How to read the error table:');
line();
line(
  '- **Classification** is the second part of the code. Drivers retry `TransientError` and never retry the',
);
line('  others. From Bolt 5.7 the same classification is sent as `diagnostic_record._classification`');
line('  (`CLIENT_ERROR`, `TRANSIENT_ERROR`, `DATABASE_ERROR`).');
line('- **GQLSTATUS** is sent as `gql_status` from Bolt 5.7. **Cause** is the more specific GQLSTATUS Neo4j');
line('  sends in `cause` for most errors of that code; a thrower may name a more specific one');
line("  (`new CypherSemanticError(message, { gqlCause: '42N62' })`).");
line(
  "- **Pairing** says where the code/GQLSTATUS pair comes from: `Neo4j` when Neo4j's source raises exactly",
);
line(
  "  this pair, `Quiver` when Neo4j's pairing could not be confirmed and Quiver chose the closest documented",
);
line('  GQLSTATUS. Revisit the `Quiver` rows when a driver test shows what Neo4j sends.');
line();
line('## Errors');
line();
line('<!-- prettier-ignore -->');
line('| Name | Neo4j code | GQLSTATUS | Cause | Classification | Pairing | Meaning |');
line('|---|---|---|---|---|---|---|');
for (const [name, status] of Object.entries(Status)) {
  const cause = status.gqlCause === undefined ? '' : `\`${status.gqlCause.code}\``;
  const pairing = status.gqlPairing === 'neo4j' ? 'Neo4j' : 'Quiver';
  line(
    `| \`${name}\` | \`${status.code}\` | \`${status.gql.code}\` | ${cause} | ${classificationOf(status.code)} | ${pairing} | ${cell(status.meaning)} |`,
  );
}
line();
line('## Notifications');
line();
line('Sent with a successful result: as `notifications` up to Bolt 5.4 (code, title, description, severity,');
line(
  'category, position) and as GQL status objects in `statuses` from Bolt 5.6. Severity and category follow',
);
line('from the GQLSTATUS: class `01` is a `WARNING`, class `03` is `INFORMATION`, and the category is the');
line('GQLSTATUS classification. Clients filter them with `notifications_minimum_severity` and');
line('`notifications_disabled_categories` / `notifications_disabled_classifications`.');
line();
line('<!-- prettier-ignore -->');
line('| Name | Neo4j code | GQLSTATUS | Severity | Category | Title | Meaning |');
line('|---|---|---|---|---|---|---|');
for (const [name, note] of Object.entries(NotificationCode)) {
  line(
    `| \`${name}\` | \`${note.code}\` | \`${note.gql.code}\` | ${note.severity} | ${note.category} | ${cell(note.title)} | ${cell(note.meaning)} |`,
  );
}
line();
line('## GQLSTATUS codes');
line();
line(
  'Every GQLSTATUS Quiver sends, as a status, a cause or a notification. The standard description is what',
);
line(
  'Neo4j sends as `description` (errors) or `status_description` (notifications), followed by `. ` and the',
);
line(
  'message with its `{ $name }` parameters filled in (`renderGqlDescription`). Classification is empty where',
);
line('Neo4j leaves it unknown; the classification of the Neo4j code then applies.');
line();
line('<!-- prettier-ignore -->');
line('| GQLSTATUS | Standard description | Classification | Message template |');
line('|---|---|---|---|');
for (const gql of Object.values(GqlStatus)) {
  line(
    `| \`${gql.code}\` | ${gql.description} | ${gql.classification ?? ''} | ${cell(gql.messageTemplate)} |`,
  );
}

writeFileSync(new URL('../docs/errors.md', import.meta.url), `${lines.join('\n')}\n`);
