#!/usr/bin/env bash
# `make test`: the suite with pytest's arguments, on SQLite or on DATABASE_URL. On SQLite (the
# whole suite, no arguments) the PostgreSQL-only tests run at the same time on the PostgreSQL
# server at 127.0.0.1:5432 if one answers: its content is built while the SQLite content is,
# which keeps only one core busy.
set -u
bin=.venv/bin
# Bytecode is written (to __pycache__/, ignored by git) even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): otherwise every test worker and `manage.py` process the suite starts
# compiles the project and the tests again, about 4 s of a worker's start and 1 s of each process.
unset PYTHONDONTWRITEBYTECODE
pg_url=${PG_TEST_URL:-postgres://postgres@127.0.0.1:5432/keepinpact}
if [ $# -gt 0 ] || [ -n "${DATABASE_URL:-}" ]; then
    exec "$bin/pytest" "$@"
fi
if ! "$bin/python" -c "import sys, psycopg2; psycopg2.connect(sys.argv[1], dbname='postgres', connect_timeout=3).close()" \
        "$pg_url" 2>/dev/null; then
    "$bin/pytest"
    status=$?
    echo "SKIPPED the PostgreSQL-only tests (stemming, title weights, concurrent publishing): no PostgreSQL server answers at PG_TEST_URL."
    exit $status
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
DATABASE_URL="$pg_url" KIP_TEST_CONTENT_APPS=home "$bin/pytest" -n0 -m postgresql >"$log" 2>&1 &
pg=$!
"$bin/pytest"
status=$?
wait $pg
pg_status=$?
echo
echo "=== PostgreSQL pass, run alongside: the PostgreSQL-only tests on $pg_url ==="
cat "$log"
[ $status -ne 0 ] && exit $status
exit $pg_status
