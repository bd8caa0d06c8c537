#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with plain swiftc (no SwiftPM, so the package's build is untouched) into
# .build/fuzz/ and runs each for a bounded time on a copy of its seed corpus, one at a time on one core.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]     default: 60 seconds, every target
#
# Targets: StrictJSON, JOSE (base64url, vi-signature JWS, bearer JWT), SMTPReply, CommandDecoder (CloudEvent
# decoder and record headers). swift-crypto and swift-nio are replaced by the small stand-ins of fuzz/Stubs (see
# fuzz/README.md). Prints per target the executions and whether it crashed; exits non-zero on any crash, leaving
# the crashing input in .build/fuzz/artifacts/. Extra libFuzzer flags can be given in FUZZ_FLAGS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=lib.sh
. "$here/lib.sh"
cd "$repo"

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(StrictJSON JOSE SMTPReply CommandDecoder)

out=.build/fuzz
stubs="$out/stubs"
mkdir -p "$stubs" "$out/artifacts" "$out/work"
flags=(-parse-as-library -O -sanitize=fuzzer
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault)

# A library module compiled to one object file and a .swiftmodule in $stubs.
module() {
  local name="$1"
  shift
  swiftc "${flags[@]}" -wmo -module-name "$name" -I "$stubs" -emit-module -emit-module-path "$stubs/$name.swiftmodule" \
    -c "$@" -o "$stubs/$name.o"
}

# A fuzz target: the module's sources plus fuzz/<target>/main.swift, linked with the given objects.
target() {
  local name="$1" module_name="$2"
  shift 2
  swiftc "${flags[@]}" -module-name "$module_name" -I "$stubs" "$@" "fuzz/$name/main.swift" -o "$out/$name"
}

build() {
  log "building the fuzz targets into $out"
  module Crypto fuzz/Stubs/Crypto.swift
  module NIOCore fuzz/Stubs/NIOCore.swift
  module JOSE Sources/JOSE/*.swift
  module Rules Sources/Rules/*.swift
  module KafkaClient Sources/KafkaClient/KafkaHeader.swift
  local contract=()
  while IFS= read -r file; do contract+=("$file"); done < <(
    find Sources/Contract -name '*.swift' ! -name 'KafkaProducerMessage+IntakeCommand.swift' | sort)
  module Contract "${contract[@]}"

  target StrictJSON JOSE Sources/JOSE/StrictJSONParser.swift Sources/JOSE/JSONValue.swift \
    Sources/JOSE/JSONValue+Writing.swift Sources/JOSE/JSONParseError.swift
  target JOSE JOSE Sources/JOSE/*.swift "$stubs/Crypto.o"
  target SMTPReply SMTPClient Sources/SMTPClient/SMTPReplyParser.swift Sources/SMTPClient/SMTPReply.swift \
    Sources/SMTPClient/SMTPError.swift Sources/SMTPClient/SMTPError+Kind.swift Sources/SMTPClient/SMTPCommand.swift \
    "$stubs/NIOCore.o"
  target CommandDecoder SignalIntake Sources/SignalIntake/Intake/CommandDecoder.swift \
    Sources/SignalIntake/Intake/CommandDecoder+ReadingCode.swift Sources/SignalIntake/Validation/ValidationIssues.swift \
    "$stubs/Contract.o" "$stubs/JOSE.o" "$stubs/Rules.o" "$stubs/KafkaClient.o" "$stubs/Crypto.o"
}

build
failed=0
summary=()
for name in "${targets[@]}"; do
  [ -x "$out/$name" ] || die "unknown fuzz target $name"
  work="$out/work/$name"
  rm -rf "$work"
  cp -r "fuzz/$name/corpus" "$work"
  log "fuzzing $name for ${seconds}s"
  status=0
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
  "$out/$name" -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 \
    -artifact_prefix="$out/artifacts/$name-" ${FUZZ_FLAGS:-} "$work" >"$out/$name.log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log" | tail -n 1)
  if [ "$status" -eq 0 ]; then
    result="no crash"
  else
    result="CRASH (exit $status; see $out/$name.log and $out/artifacts/)"
    failed=1
    grep -E '^(==[0-9]+==|Fatal error|SUMMARY|artifact_prefix|Test unit written)' "$out/$name.log" | head -n 10 >&2 || true
  fi
  summary+=("$(printf '%-15s %12s executions  %s' "$name" "${executions:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
exit "$failed"
