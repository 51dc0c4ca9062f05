"""Builds the jar that lets Debian's Apache Jena start.

Debian's jena-core.jar relocates the Xerces classes to the package `xerces.*` but leaves
their message bundles under `org/apache/jena/ext/xerces/...`. The first regular expression
Jena compiles (at start-up, for XSD facets) then fails with
`RuntimeException: internal error at xerces.impl.dv.xs.XSSimpleTypeDecl.applyFacets1`
because `xerces.impl.xpath.regex.message` cannot be found. This copies the bundles to the
package the classes look in; the jar goes first on the classpath.

Usage: xerces_msgfix_jar.py <jena-core.jar> <output jar>
"""
import sys
import zipfile

MOVES = {
    "org/apache/jena/ext/xerces/impl/xpath/regex/": "xerces/impl/xpath/regex/",
    "org/apache/jena/ext/xerces/impl/msg/": "xerces/impl/msg/",
}


def main(source: str, target: str) -> int:
    copied = 0
    with zipfile.ZipFile(source) as jena_core, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as fix:
        fix.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n\n")
        for name in jena_core.namelist():
            for old, new in MOVES.items():
                if name.startswith(old) and name.endswith(".properties"):
                    fix.writestr(new + name[len(old):], jena_core.read(name))
                    copied += 1
    if copied == 0:
        print(f"{source} holds no Xerces message bundles under {', '.join(MOVES)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
