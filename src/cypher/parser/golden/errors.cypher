RETURN 9223372036854775808 AS literal
---
RETURN -0x8000000000000001 AS literal
---
RETURN 9223372h54775808 AS literal
---
RETURN 9223372#54775808 AS literal
---
RETURN 1.34E999
---
RETURN 42 — 41
---
RETURN '\uZZZZ' AS s
---
RETURN [, ] AS literal
---
RETURN {k: {k: {}} AS literal
---
RETURN {1} AS literal
---
MATCH (a)-[:LIKES..]->(c) RETURN c
---
MATCH (a)-[:LIKES*-2]->(c) RETURN c
---
MATCH (n) RETURN (n)-[]->()
---
MATCH (a) RETURN size((a)-->())
---
CALL test.my.proc('Stefan', 1) YIELD *
RETURN city
---
MATCH (n)
RETURN n.x +
---
MATCH (n) RETRUN n
---
RETURN 'unterminated
---
MATCH (n) /* never closed
---
MATCH (n:)
---
MATCH (((a)-->(b)){2}){2} RETURN a
---
MATCH (a) (b) RETURN a
