#!/usr/bin/env bash
# Fetch veraPDF (org.verapdf.apps:greenfield-apps, the PDF Association's reference validator for PDF/A and
# PDF/UA) from Maven Central and write a launcher for it.
#
#   bash .ci/verapdf/fetch.sh
#
# The first run downloads the jars into ~/.m2 and copies them into target/lib (later runs reuse target/ and need
# no network; Maven runs again only when pom.xml changes, offline first). Writes target/verapdf, a launcher that
# takes veraPDF's own arguments (e.g. `target/verapdf --flavour ua1 --format xml FILE...`), and prints
# VERAPDF=<its absolute path> as the last stdout line: `export "$(bash .ci/verapdf/fetch.sh | tail -n 1)"`.
#
# Environment (optional): VERAPDF_JAVA, the java binary (default: $JAVA_HOME/bin/java, else java on PATH; JDK 17).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAUNCHER="$HERE/target/verapdf"
STAMP="$HERE/target/.lib-ready"

say() { echo "fetch.sh: $*" >&2; }
die() { say "$*"; exit 1; }

if [ ! -f "$STAMP" ] || [ "$HERE/pom.xml" -nt "$STAMP" ]; then
    command -v mvn >/dev/null || die "mvn (Maven 3.6+) is required for the first run"
    rm -rf "$HERE/target/lib" "$STAMP"
    MVNLOG="$(mktemp)"
    # Offline first: works without network once ~/.m2 holds the jars; otherwise resolve online.
    if ! mvn -B -q -o -f "$HERE/pom.xml" package >"$MVNLOG" 2>&1; then
        rm -rf "$HERE/target/lib"
        if ! mvn -B -q -f "$HERE/pom.xml" package >"$MVNLOG" 2>&1; then
            cat "$MVNLOG" >&2
            rm -f "$MVNLOG"
            die "Maven could not fetch veraPDF"
        fi
    fi
    rm -f "$MVNLOG"
    ls "$HERE"/target/lib/greenfield-apps-*.jar >/dev/null 2>&1 || die "no greenfield-apps jar in $HERE/target/lib"
    touch "$STAMP"
fi

cat >"$LAUNCHER" <<LAUNCH
#!/usr/bin/env bash
# veraPDF's command line (GreenfieldCliWrapper), written by .ci/verapdf/fetch.sh.
if [ -n "\${VERAPDF_JAVA:-}" ]; then JAVA="\$VERAPDF_JAVA"
elif [ -n "\${JAVA_HOME:-}" ] && [ -x "\$JAVA_HOME/bin/java" ]; then JAVA="\$JAVA_HOME/bin/java"
else JAVA="\$(command -v java)" || { echo "verapdf: no java found (set VERAPDF_JAVA or JAVA_HOME)" >&2; exit 127; }
fi
exec "\$JAVA" -Xss4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -Djava.awt.headless=true \\
    -cp "$HERE/target/lib/*" org.verapdf.apps.GreenfieldCliWrapper "\$@"
LAUNCH
chmod +x "$LAUNCHER"
echo "VERAPDF=$LAUNCHER"
