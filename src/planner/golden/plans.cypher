MATCH (n:Person) WHERE n.age > 30 RETURN n.name
---
MATCH (a:Person)-[:KNOWS]->(b:City) RETURN a, b
---
MATCH (a:Person {name: $name})-[:KNOWS*1..3]->(b) RETURN b
---
MATCH (a:Person), (c:City) WHERE id(c) = 5 RETURN a, c
---
MATCH (n) WHERE id(n) IN [1, 2] RETURN n
---
MATCH (a)-[r]-(b) WHERE a.x = b.x RETURN count(*) AS c
---
MATCH (n:Person) RETURN n.name AS name, count(*) AS c ORDER BY c DESC LIMIT 10
---
MATCH (n:Person) OPTIONAL MATCH (n)-[:LIKES]->(m) RETURN n, m
---
UNWIND [1, 2, 3] AS x WITH DISTINCT x WHERE x > 1 RETURN x SKIP 1
---
MATCH (n:Person) WHERE n.name STARTS WITH 'A' RETURN n
---
MATCH p = (a:Person)-[:KNOWS]->(b) RETURN p
---
MATCH (a:Person), (b:Person) MATCH p = shortestPath((a)-[*]-(b)) RETURN p
---
RETURN 1 AS x UNION RETURN 2 AS x
---
MATCH (n:Person) WHERE (n)-[:LIKES]->() RETURN n
---
UNWIND [1, 2] AS x CALL { WITH x RETURN x * 2 AS y } RETURN y
---
CREATE (a:Person {name: 'A'})-[:KNOWS]->(b:Person)
---
MATCH (n:Person) SET n.seen = true REMOVE n:City RETURN n
---
MATCH (n:Person) DETACH DELETE n
---
MERGE (c:City {name: 'Oslo'}) ON CREATE SET c.created = true
---
FOREACH (i IN [1, 2] | CREATE (:Person {i: i}))
---
MATCH (n:Person) CREATE (m:Person) RETURN count(*) AS c
---
LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row CREATE (:Person {name: row.name, age: toInteger(row.age)})
---
LOAD CSV FROM 'file:///people.csv' AS row WITH row WHERE row[0] IS NOT NULL RETURN row[0] AS name, linenumber() AS line LIMIT 10
---
MATCH (c:City) LOAD CSV FROM 'file:///people.csv' AS row CREATE (:Person {name: row[0], city: c.name})
---
MATCH (p:Person) RETURN count(p) AS people, count(*) AS rows
---
MATCH (n) WHERE n.age > 30 RETURN count(n)
---
MATCH (n:User {id: $id}) RETURN n
---
MATCH (n:Account {a: $x, b: $y}) RETURN n
---
MATCH (n:Account) WHERE n.a = 1 AND n.b > 2 RETURN n
---
MATCH (n:Account) WHERE n.a > 1 AND n.a <= 5 AND n.b IS NOT NULL RETURN n
---
MATCH (n:Account) WHERE n.a = 1 RETURN n
---
MATCH (n:Account) WHERE n.b = 1 RETURN n
---
MATCH (n:Person) WHERE n.name STARTS WITH 'B' AND n.name = 'A' RETURN n
---
MATCH (n:Person) WHERE 'A' < n.name RETURN n
---
MATCH (n:Person) WHERE n.name IS NOT NULL RETURN n
---
MATCH (n:Person) WHERE n.name = n.other RETURN n
---
MATCH (a)-[r:KNOWS {since: $s}]->(b) RETURN a, b
---
MATCH (a)<-[r:KNOWS]-(b) WHERE r.since >= 2000 RETURN a, b
---
MATCH (a)-[r:KNOWS]-(b) WHERE r.since = 2000 RETURN r
---
MATCH (c:City)<-[r:KNOWS {since: 1999}]-(p:Person) RETURN p
---
MATCH (u:User {id: 1})-[r:KNOWS {since: 1999}]->(b) RETURN b
---
MATCH (x)<-[s:LIKES {weight: 1}]-(a)-[r:KNOWS {since: 1}]->(b)-[t]->(c:Person) RETURN x, c
---
MATCH (a)-[r:KNOWS {since: 1}]->(a) RETURN a
---
MATCH (a)-[r:KNOWS|LIKES {since: 1}]->(b) RETURN b
---
MATCH (a)-[r:KNOWS*1..2 {since: 1}]->(b) RETURN b
---
MATCH (x:City), (a)-[r:KNOWS {since: 1}]->(b) RETURN x, b
---
MATCH (n:Account) WHERE n.b > 1 AND n.a > 2 RETURN n
---
OPTIONAL MATCH (a)-[r:KNOWS {since: 1}]->(b) RETURN a
---
MERGE (u:User {id: 1}) ON CREATE SET u.new = true
