# Sourced by bin/broker and bin/test: finds a JDK 21+ and exports JAVA_HOME.
# Order: $JAVA_HOME, then the newest JDK under /usr/lib/jvm, then `java` on PATH.

java_major() {  # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

jdk_ok() {  # true when $1 is a JDK home with java and javac of version 21 or newer
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v; v=$(java_major "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*; do
    [ -d "$d" ] && [ ! -L "$d" ] || continue
    jdk_ok "$d" || continue
    v=$(java_major "$d/bin/java")
    if [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  if command -v java >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if jdk_ok "$d"; then echo "$d"; return 0; fi
  fi
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "error: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, java on PATH)." >&2
  echo "       Install one (e.g. Temurin 21) or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava warns about sun.misc.Unsafe on JDK 24+; silence that noise.
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
