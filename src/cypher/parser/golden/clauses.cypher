OPTIONAL MATCH (n:Person) WHERE n.age > 30 RETURN DISTINCT n.name AS name, n.age ORDER BY name DESC, n.age ASC SKIP 1 LIMIT 10
---
MATCH (n) WITH n, count(*) AS c ORDER BY c SKIP 2 LIMIT 3 WHERE c > 1 RETURN *
---
MATCH (n) WITH * RETURN *, n.x AS x OFFSET 5
---
UNWIND [1, 2, 3] AS x RETURN x
---
CREATE (a:A {name: 'a'})-[:T {w: 1}]->(b:B), (c)
---
MERGE (n:N {id: 1}) ON CREATE SET n.created = true, n += {a: 1} ON MATCH SET n.seen = n.seen + 1, n:Seen
---
MATCH (n) SET n.x = 1, n = {a: 1}, n += $map, n:A:B, (n).y = 2 REMOVE n.x, n:A:B
---
MATCH (n) DETACH DELETE n
---
MATCH (n), (m) DELETE n, m
---
MATCH (n) NODETACH DELETE n
---
FOREACH (x IN [1, 2] | CREATE (:N {x: x}) SET x.y = 1)
---
CALL db.labels() YIELD label AS l, other WHERE l <> 'x' RETURN l
---
CALL db.labels
---
CALL test.my.proc('Stefan', 1) YIELD *
---
CALL { MATCH (n) RETURN n } RETURN n
---
MATCH (n) CALL (n) { CREATE (m {x: n.x}) } IN TRANSACTIONS OF 10 ROWS
---
MATCH (n) OPTIONAL CALL (*) { RETURN 1 AS one } RETURN one
---
MATCH (n) CALL () { RETURN 1 AS one UNION ALL RETURN 2 AS one } RETURN one
---
RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x
---
USE neo4j MATCH (n) RETURN n
---
LOAD CSV WITH HEADERS FROM 'file:///a.csv' AS row FIELDTERMINATOR ';' CREATE (:Row {v: row.v})
---
MATCH (n) SET n.x = 1 FINISH
---
EXPLAIN MATCH (n) RETURN n
---
PROFILE MATCH (n) RETURN n;
---
MATCH (n:Person) USING INDEX n:Person(name) WHERE n.name = 'x' RETURN n
---
// a comment
MATCH /* inline */ (n) // trailing
RETURN n
---
MATCH (a) LET x = a.k + 1, y = 'z' LET w = x * 2 FILTER WHERE w > 2 RETURN w
---
MATCH (a) ORDER BY a.k DESC, a.j OFFSET 1 LIMIT 2 SKIP 1 RETURN a
---
UNWIND $rows AS row CALL (row) { CREATE (:N {id: row.id}) } IN 2 CONCURRENT TRANSACTIONS OF 100 ROWS ON ERROR CONTINUE REPORT STATUS AS status RETURN status.committed
---
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS ON ERROR RETRY FOR 3 SECONDS THEN BREAK
