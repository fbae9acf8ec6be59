MATCH (n) RETURN n
---
MATCH (a:A:B {name: 'x'})-[r:T|U|:V]->(b)<-[:W]-(c)--(d)<-->(e) RETURN a
---
MATCH ()-[*]->(), ()-[*2]->(), ()-[*1..3]->(), ()-[*..3]->(), ()-[*2..]->(), ()-[r:T*0..1 {k: 1}]-() RETURN 1
---
MATCH (n:A&B), (m:A|B), (o:!A), (p:%), (q:(A|B)&!C) RETURN n
---
MATCH (n {k: $props})-[r $relProps]->(m WHERE m.x > 1) RETURN n
---
MATCH (a)-[r WHERE r.w > 1]->(b) RETURN r
---
MATCH p = (a)-->(b), q = shortestPath((a)-[*]-(b)), r = allShortestPaths((a)-[:T*]->(b)) RETURN p
---
MATCH p = SHORTEST 1 (a)-[*]-(b) MATCH ALL SHORTEST (a)-[*]-(c) RETURN p
---
MATCH (n IS Person) RETURN n
---
RETURN shortestPath((a)-[*]-(b)) AS path
---
MATCH (x:A) ((a)-[r:R WHERE r.w > 1]->(m)<-[:S]-(b) WHERE a.k < b.k){1,3} (y) RETURN y
---
MATCH p = ((a)-->(b))+ ((c)--(d)){,2} RETURN p
---
MATCH (a)-[r:T|$any($types)]->(b)-[:$(t)*1..2]-(c) RETURN c
---
MATCH p = SHORTEST 2 GROUPS (a)--+(b), q = ANY 3 PATHS (a)-->(c), ALL PATHS (c)-->(d) RETURN p
---
MATCH p = SHORTEST $k PATHS (a) ((x)-[r]->(y)){1,3} (b) RETURN p
