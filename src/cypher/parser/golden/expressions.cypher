RETURN 1 + 2 * 3 - 4 / 5 % 6 AS arithmetic
---
RETURN 2 ^ 3 ^ 2 AS power, -2 ^ 2 AS signed
---
RETURN a OR b XOR c AND NOT d = e AS logic
---
RETURN a < b <= c > d AS chained
---
RETURN a.name STARTS WITH 'x' AND a.name ENDS WITH "y" OR a.name CONTAINS 'z' OR a.name =~ '.*' AS strings
---
RETURN x IN [1, 2.5, .5, 1e10, 1.5E-3, 0x1F, 0o17, 017] AS numbers
---
RETURN -9223372036854775808 AS smallest, 9223372036854775807 AS largest, - 1 AS spaced
---
RETURN 'a\\b\'c\"d\be\ff\ng\rh\ti\u00e9\U0001F600' AS escapes, "it's" AS double
---
RETURN $param, $0, $`odd name` AS params
---
RETURN n.prop, n['key'], list[1], list[1..2], list[..2], list[1..], n:A:B, n:A|B AS postfix
---
RETURN x IS NULL, x IS NOT NULL, NOT x IS NULL AS nulls
---
RETURN count(*), count(DISTINCT x), date.truncate('day', d), `my fn`(1) AS calls
---
RETURN CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END AS simple, CASE WHEN x > 1 THEN true END AS generic
---
RETURN [x IN list WHERE x > 1 | x * 2] AS both, [x IN list WHERE x:A | x] AS labelled, [x IN list] AS bare
---
MATCH (a) RETURN [(a)-[:T]->(b:B) WHERE b.x > 1 | b.name] AS pc, [p = (a)-->() | length(p)] AS named
---
RETURN all(x IN l WHERE x > 0), any(x IN l WHERE x), none(x IN l WHERE x), single(x IN l WHERE x) AS quantified
---
RETURN reduce(acc = 0, x IN list | acc + x) AS total
---
MATCH (n) RETURN n {.name, .*, age: n.age + 1, other} AS projected
---
MATCH (n) WHERE (n)-[:T]->() AND NOT (n)<-[:U*2]-(:X) RETURN n
---
MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.x = 1 RETURN m } AND EXISTS { (n)-->() WHERE true } RETURN COUNT { (n)-->() } AS c, COLLECT { MATCH (n)-->(m) RETURN m.x } AS xs
---
RETURN {a: 1, `b c`: [1, {d: null}], e: true, f: false} AS map, [] AS empty, {} AS emptyMap
---
RETURN `a``b` AS backtick, n.`weird key` AS key
---
RETURN 'x' || 'y' AS concatenated, -(-1) AS twice, +1 AS plus
---
RETURN a = b = c AS chain, (a = b) = c AS nested
