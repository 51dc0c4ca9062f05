# Sourced by run.sh: sets JENA_CP, the classpath on which Debian's Apache Jena command-line
# tools run (libapache-jena-java ships the jars but no launcher). Two Debian-specific fixes:
#  - an explicit list of jars: '/usr/share/java/*' puts both log4j-over-slf4j and
#    slf4j-log4j12 on the classpath and SLF4J aborts start-up;
#  - the Xerces message bundles relocated by xerces_msgfix_jar.py, built from the installed
#    jena-core.jar into $1 (a scratch folder) and put first.
# Usage: . scripts/federation/jena-classpath.sh <scratch dir>

jena_classpath() {
  local scratch java_dir=/usr/share/java here
  scratch=$(cd "$1" && pwd) || return 1
  here=$(dirname "${BASH_SOURCE[0]}")
  local fix="$scratch/jena-xerces-msgfix.jar"
  if [ ! -f "$java_dir/jena-core.jar" ]; then
    echo "Apache Jena is not installed ($java_dir/jena-core.jar missing): apt-get install libapache-jena-java" >&2
    return 1
  fi
  if [ ! -f "$fix" ] || [ "$java_dir/jena-core.jar" -nt "$fix" ]; then
    /usr/bin/python3 "$here/xerces_msgfix_jar.py" "$java_dir/jena-core.jar" "$fix" || return 1
  fi
  local cp="$fix" jar
  # The unversioned jena-* links (one per module), then the third-party jars Jena needs.
  for jar in "$java_dir"/jena-*.jar; do
    [[ "$jar" =~ -[0-9]+\.[0-9]+\.[0-9]+\.jar$ ]] || cp="$cp:$jar"
  done
  for jar in commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 dexx.collection gson guava \
             httpclient httpcore jackson-core jackson-databind jackson-annotations jsonld-java jakarta.json-api protobuf \
             thrift titanium-json-ld slf4j-api slf4j-simple; do
    cp="$cp:$java_dir/$jar.jar"
  done
  JENA_CP=$cp
  export JENA_CP
}
