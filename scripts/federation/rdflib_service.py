"""Runs a SPARQL query with Python rdflib (the Debian python3-rdflib package) over an optional
local Turtle file and prints the solutions as SPARQL TSV. rdflib evaluates SERVICE itself:
one HTTP request per local solution, JSON results only.

Usage: /usr/bin/python3 rdflib_service.py <query.rq> [local.ttl]
"""
import sys

from rdflib import Graph


def main(query_path: str, data_path: str | None) -> int:
    graph = Graph()
    if data_path:
        graph.parse(data_path, format="turtle")
    with open(query_path, encoding="utf-8") as query_file:
        result = graph.query(query_file.read())
    names = [str(variable) for variable in result.vars]
    print("\t".join(f"?{name}" for name in names))
    for row in result:
        print("\t".join("" if row[name] is None else row[name].n3() for name in names))
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None))
