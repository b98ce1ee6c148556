#!/bin/sh
# Runs the test suites of public 4D projects under mini4d, the way their CI runs them with tool4d.
#
#   scripts/realworld.sh FOLDER [MINI4D]
#
# FOLDER holds the projects as extracted by the user (none of their code is in this repository):
#   FOLDER/testing/testing/Project/...   KyleKincer/testing at b4433d91d566128b73388802f51eed26018b9c0c
# MINI4D defaults to target/release/mini4d. Prints each run's summary and its wall time; exits 1
# when a suite does not run or reports failures.
set -u
folder=${1:?usage: scripts/realworld.sh FOLDER [MINI4D]}
mini4d=${2:-target/release/mini4d}
status=0

run() { # name project user-param
	name=$1; project=$2; param=$3
	if [ ! -d "$project" ]; then
		echo "$name: $project not found (skipped)"
		return
	fi
	start=$(date +%s%N)
	out=$("$mini4d" run "$project" --skip-onstartup --startup-method test --user-param "$param" 2>&1)
	code=$?
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	echo "== $name ($param): exit $code, ${ms} ms"
	case $param in
	*format=json*)
		printf '%s\n' "$out" | python3 -c 'import json,sys
text=sys.stdin.read()
try:
    d=json.loads(text)
except ValueError:
    print("not a JSON report:"); print(text[:1500]); sys.exit(1)
print("tests %s, passed %s, failed %s, skipped %s" % (d["tests"], d["passed"], d["failed"], d["skipped"]))
sys.exit(1 if d["failed"] else 0)' || status=1 ;;
	*)
		if printf '%s\n' "$out" | grep -q 'Test Results Summary'; then
			printf '%s\n' "$out" | sed -n '/Test Results Summary/,/^$/p'
		else
			printf '%s\n' "$out" | head -n 20
		fi
		printf '%s\n' "$out" | grep -q '^Failed: 0$' || status=1 ;;
	esac
	[ $code -eq 0 ] || status=1
}

testing=$folder/testing/testing
run "KyleKincer/testing" "$testing" "excludeTags=no-linux"
run "KyleKincer/testing" "$testing" "format=json excludeTags=no-linux"
run "KyleKincer/testing" "$testing" "parallel=true excludeTags=no-linux"
exit $status
