#!/usr/bin/env bash
# Prints the home of a JDK >= 21 (with javac and jshell), or explains what to install and exits 1.
# Order: $JAVA_HOME, conda's $CONDA_PREFIX, the usual install folders (Linux, macOS, SDKMAN), java on PATH.
set -u
want=21

major() { # major version of $1/bin/java, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  case "$v" in ''|*[!0-9.]*) echo 0 ;; 1.*) echo 0 ;; *) echo "${v%%.*}" ;; esac
}
ok() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -x "$1/bin/jshell" ] && [ "$(major "$1")" -ge "$want" ]; }

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
[ -n "${CONDA_PREFIX:-}" ] && candidates+=("$CONDA_PREFIX" "$CONDA_PREFIX/lib/jvm")
for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
         "$HOME"/Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
  [ -d "$d" ] && candidates+=("$d")
done
if command -v java >/dev/null 2>&1; then
  j=$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)
  candidates+=("$(dirname "$(dirname "$j")")")
fi

best=""; bestv=0
for c in "${candidates[@]}"; do
  if ok "$c"; then
    # JAVA_HOME wins when it qualifies; otherwise take the newest JDK found.
    if [ -n "${JAVA_HOME:-}" ] && [ "$c" = "$JAVA_HOME" ]; then echo "$c"; exit 0; fi
    v=$(major "$c"); if [ "$v" -gt "$bestv" ]; then best=$c; bestv=$v; fi
  fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi

cat >&2 <<MSG
anomaly4j needs a JDK >= $want (java, javac and jshell), and none was found
(looked at \$JAVA_HOME${JAVA_HOME:+=$JAVA_HOME}, /usr/lib/jvm, /Library/Java/JavaVirtualMachines, ~/.sdkman and java on PATH).
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk      (or Temurin 21/25 from adoptium.net)
  macOS:          brew install openjdk@21
  conda:          conda env create -f environment.yml && conda activate anomaly4j
then run the command again, or point JAVA_HOME at it.
MSG
exit 1
