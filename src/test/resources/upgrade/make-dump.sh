#!/usr/bin/env bash
# Remakes previous-release.dump, the database UpgradeFromPreviousReleasePostgresIT upgrades (README.md here):
# builds the previous release from git in a temporary worktree, runs it on a fresh database of the PostgreSQL
# server at 127.0.0.1:5432 (user postgres, as the tests use), makes the cases over its REST API
# (vn.nangbuoc.system.PreviousReleaseCases, from this checkout's tests) and dumps the database.
#   src/test/resources/upgrade/make-dump.sh [commit]    (default: the release the checked-in dump was made by)
# Needs the previous release's dependencies in ~/.m2 (a build of it online once, or of this checkout).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
here=src/test/resources/upgrade
commit=$(git rev-parse --verify "${1:-$(cut -d' ' -f1 "$here/previous-release.txt")}^{commit}")
server="postgresql://postgres@127.0.0.1:5432"
database="nangbuoc_previous_release_$$"
work=$(mktemp -d)
app=""

cleanup() {
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" || true; fi
  psql "$server/postgres" -qc "drop database if exists $database with (force)" || true
  git worktree remove --force "$work/release" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== Build $commit in $work/release"
git worktree add --detach "$work/release" "$commit" >/dev/null
(cd "$work/release" && mvn -B -ntp -o -q package -DskipTests)
jar=$(ls "$work/release"/target/nang-buoc-*.jar | grep -v original | head -n 1)

echo "== Run it on the fresh database $database"
psql "$server/postgres" -qc "create database $database"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# in the work directory, not a checkout: nothing there (bpmn/, config/) is picked up by accident
(cd "$work" && exec java -Xmx768m -jar "$jar" --spring.profiles.active=postgres \
  --spring.config.additional-location="file:$work/release/config/" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$database" --spring.datasource.username=postgres \
  --spring.datasource.password= --server.port="$port" >"$work/release.log" 2>&1) &
app=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"' && break
  kill -0 "$app" 2>/dev/null || { tail -n 40 "$work/release.log"; exit 1; }
  sleep 1
done

echo "== Make the cases over its REST API"
mvn -B -ntp -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PreviousReleaseCases \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dprevious-release.url="http://127.0.0.1:$port"

echo "== Stop it and dump the database"
kill "$app"
wait "$app" || true
app=""
pg_dump --format=custom --compress=9 --no-owner --no-privileges -d "$server/$database" -f "$here/previous-release.dump"
echo "$commit $(git log -1 --format='%cs %s' "$commit")" >"$here/previous-release.txt"
ls -l "$here/previous-release.dump"
cat "$here/previous-release.txt"
