#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests that need one
# (store/postgres, queue, cmd/dyad's worker test).
#
# Usage:
#   .ci/postgres.sh            start a cluster; print its settings on stdout
#   . .ci/postgres.sh          the same, and export them into this shell
#   .ci/postgres.sh stop [DIR] stop the cluster in DIR (default $DYAD_TEST_POSTGRES_DATA)
#
# Starting prints exactly two lines on stdout, everything else goes to stderr:
#   DYAD_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/dyad_test?sslmode=disable
#   DYAD_TEST_POSTGRES_DATA=/tmp/dyad-pg.XXXXXX
# so a caller that runs it (rather than sourcing it) can do
#   export $(.ci/postgres.sh)
#
# It installs PostgreSQL with apt-get when no server binaries are found,
# creates the cluster in a new temporary directory owned by the postgres
# user (the server refuses to run as root), listens on 127.0.0.1 only, on a
# free port, with trust authentication, and turns fsync off: the cluster is
# disposable, and the tests measure dyad, not the disk.

_dyad_pg_log() { echo "postgres.sh: $*" >&2; }

# _dyad_pg_bindir prints the newest installed server's bin directory.
_dyad_pg_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	done
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(command -v initdb)"
		return 0
	fi
	return 1
}

# _dyad_pg_as runs a command as the cluster's owner.
_dyad_pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u postgres -- "$@"
		else
			su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
		fi
	else
		"$@"
	fi
}

# _dyad_pg_port_free reports whether nothing listens on 127.0.0.1:$1.
_dyad_pg_port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_dyad_pg_start() {
	local bin dir port url tries
	if ! bin=$(_dyad_pg_bindir); then
		_dyad_pg_log "no PostgreSQL server found; installing it"
		if [ "$(id -u)" -ne 0 ]; then
			_dyad_pg_log "not root: cannot install postgresql; install it or run as root"
			return 1
		fi
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
		bin=$(_dyad_pg_bindir) || { _dyad_pg_log "installed postgresql but found no initdb"; return 1; }
	fi
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres || return 1
	fi
	dir=$(mktemp -d "${TMPDIR:-/tmp}/dyad-pg.XXXXXX") || return 1
	chmod 755 "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir" || return 1
	fi
	_dyad_pg_log "initdb in $dir with $bin"
	_dyad_pg_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		_dyad_pg_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		return 1
	}
	for tries in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 20000))
		_dyad_pg_port_free "$port" || continue
		# -k: the socket goes in the cluster's own directory, which the
		# postgres user can write (the system default may not exist).
		if _dyad_pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-p $port -h 127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >&2; then
			break
		fi
		_dyad_pg_log "could not start on port $port; retrying"
		tail -5 "$dir/server.log" >&2 2>/dev/null
		port=""
	done
	if [ -z "$port" ]; then
		_dyad_pg_log "could not start the server"
		return 1
	fi
	_dyad_pg_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres dyad_test >&2 || return 1
	url="postgres://postgres@127.0.0.1:$port/dyad_test?sslmode=disable"
	_dyad_pg_log "$("$bin/postgres" --version) is up on 127.0.0.1:$port (stop: .ci/postgres.sh stop $dir)"
	DYAD_TEST_POSTGRES=$url
	DYAD_TEST_POSTGRES_DATA=$dir
	echo "DYAD_TEST_POSTGRES=$url"
	echo "DYAD_TEST_POSTGRES_DATA=$dir"
}

_dyad_pg_stop() {
	local dir=${1:-${DYAD_TEST_POSTGRES_DATA:-}} bin
	if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
		_dyad_pg_log "stop: no cluster directory (give one, or set DYAD_TEST_POSTGRES_DATA)"
		return 1
	fi
	bin=$(_dyad_pg_bindir) || return 1
	_dyad_pg_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 && rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	# Sourced: start, and export the settings into the caller's shell.
	if _dyad_pg_start >/dev/null; then
		export DYAD_TEST_POSTGRES DYAD_TEST_POSTGRES_DATA
	else
		_dyad_pg_log "failed"
		return 1
	fi
else
	set -uo pipefail
	case "${1:-start}" in
	start) _dyad_pg_start || exit 1 ;;
	stop) _dyad_pg_stop "${2:-}" || exit 1 ;;
	*)
		echo "usage: $0 [start|stop [DIR]]" >&2
		exit 2
		;;
	esac
fi
