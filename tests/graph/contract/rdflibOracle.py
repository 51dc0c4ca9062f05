"""An independent SPARQL engine with set semantics, for the default-graph oracle test.

Reads one JSON object a line on stdin: {"triples": "<N-Triples>", "query": "<SPARQL>"}.
Loads the triples into a plain rdflib Graph (a set of triples), runs the query and writes
one JSON line: {"vars": [...], "rows": [[term or null, ...], ...]} or {"boolean": b}, or
{"error": "..."}. Terms are written in N-Triples form ("<iri>", "\"lex\"^^<dt>", "\"lex\"@l").
"""
import json
import sys

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD


def term(value):
    if value is None:
        return None
    if isinstance(value, URIRef):
        return "<%s>" % value
    if isinstance(value, Literal):
        lexical = json.dumps(str(value), ensure_ascii=False)
        if value.language:
            return "%s@%s" % (lexical, value.language)
        if value.datatype and value.datatype != XSD.string:
            return "%s^^<%s>" % (lexical, value.datatype)
        return lexical
    return "_:%s" % value


def answer(request):
    graph = Graph()
    if request["triples"]:
        graph.parse(data=request["triples"], format="nt")
    result = graph.query(request["query"])
    if result.type == "ASK":
        return {"boolean": bool(result.askAnswer)}
    names = [str(v) for v in result.vars]
    return {"vars": names, "rows": [[term(row[i]) for i in range(len(names))] for row in result]}


for line in sys.stdin:
    try:
        reply = answer(json.loads(line))
    except Exception as error:  # reported to the test, which fails on it
        reply = {"error": "%s: %s" % (type(error).__name__, error)}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
