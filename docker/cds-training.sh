#!/usr/bin/env bash
# Writes the class-data archive (AppCDS) of the packaged portal by starting it once, serving one page and stopping
# it: the classes a start loads are then mapped from the archive instead of being read, verified and linked again.
# docker/Dockerfile.jvm runs it with the image's own JVM (a JVM uses only an archive it wrote itself); the benchmark
# runs it with the machine's, so that both measure the same thing. An ARCHIVE ending in .aot is an AOT cache instead
# (Java 25, JEP 483/514: classes loaded and linked, with the training's method profiles; docker/Dockerfile.jvm25),
# written by the same one start and page.
# usage: bash cds-training.sh APP_DIR ARCHIVE [JVM options...]     (TRAINING_PORT, default 18089, and the next one;
#        TRAINING_AWAITS, the log line that says the start's own work has ended: the portal's self-check by default)
set -euo pipefail
app="$1"; archive="$2"; shift 2
port="${TRAINING_PORT:-18089}"
awaits="${TRAINING_AWAITS:-tenant self-check}"
# a portal that reaches no Auth0 (discard port): a training start needs no real setting, and none is baked in
export DOMAIN=127.0.0.1:9 CLIENT_ID=training CLIENT_SECRET=training AD_CONNECTION=training \
  PORTAL_BASE_URL=https://training.invalid HELPDESK_CONTACT=training \
  SESSION_SECRET=training-only-session-secret-not-used-anywhere OTP_CLIENT_ID=training OTP_CLIENT_SECRET=training \
  NON_INTERACTIVE_CLIENT_ID=training NON_INTERACTIVE_CLIENT_SECRET=training NOTICES_ENABLED=false \
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1))"
log="$(mktemp)"
rm -f "$archive"
case "$archive" in
  *.aot) write="-XX:AOTCacheOutput=$archive" ;;
  *) write="-XX:ArchiveClassesAtExit=$archive" ;;
esac
java "$@" "$write" -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
# Up and listening, and the tenant self-check's first look ended (here it finds no Auth0, and says so): that look runs
# beside the start and loads the REST clients, JSON and the management token's client, and a JVM archives only the
# classes it has linked by the time it stops, so stopping before the look ends gave an archive of whatever it had
# reached (38-44 MB from one build to the next), and starts and resident sets that moved with it.
for _ in $(seq 1 600); do
  grep -q "started in" "$log" && grep -q -- "$awaits" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
grep -q -- "$awaits" "$log" || { cat "$log" >&2; echo "cds-training: no \"$awaits\" within 2 minutes" >&2; exit 1; }
# one landing page, so that serving a page is in the archive too
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
cat <&3 >/dev/null
exec 3>&-
kill -TERM "$pid"
wait "$pid" || true
rm -f "$log"
test -s "$archive"
