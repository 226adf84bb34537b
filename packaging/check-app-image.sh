#!/usr/bin/env bash
# Starts the packaged app (the jpackage app image, its own runtime, no JDK) headless with the start-up check and
# fails unless it reports its first frame. Throwaway preferences and data folder: never the user's.
# JAVA_TOOL_OPTIONS, because the JVM itself reads it: a jpackage launcher ignores JDK_JAVA_OPTIONS.
set -euo pipefail
launcher="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw -Dsocketworkbench.startupCheck=true \
-Dsocketworkbench.prefs.node=/com/socketworkbench/installer-check-$$ -Dsocketworkbench.home=$scratch/home \
-Djava.util.prefs.userRoot=$scratch/prefs"
if ! timeout 120 "$launcher" >"$scratch/out.log" 2>&1; then
    cat "$scratch/out.log" >&2
    echo "The packaged app did not exit cleanly after its first frame: $launcher" >&2
    exit 1
fi
if ! grep -q "First frame shown" "$scratch/out.log"; then
    cat "$scratch/out.log" >&2
    echo "The packaged app never reported its first frame: $launcher" >&2
    exit 1
fi
grep "First frame shown" "$scratch/out.log"
