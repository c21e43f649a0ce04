"""Command line: `python -m checker list | check SLUG FILE | validate [SLUG...] | doctor | worker --queue URL`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checker.problems import ProblemError, list_problems, load_problem
from checker.service import check, describe_queue
from checker.verdict import Verdict

EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def format_verdict(verdict: Verdict) -> str:
    """A terminal-friendly rendering of a verdict."""
    lines = [f"{verdict.status.label}: {verdict.passed}/{verdict.total} cases passed ({verdict.duration_s:.1f} s)"]
    if verdict.message:
        lines.append(verdict.message)
    for case in verdict.cases:
        mark = "ok " if case.passed else "FAIL"
        scope = "visible" if case.visible else "hidden "
        error = f"  max abs error {case.max_abs_error:.3g}" if case.max_abs_error is not None else ""
        lines.append(f"  [{mark}] {case.name:<24} {scope} {case.status.value:<15} {case.time_s:6.2f} s{error}")
        if not case.passed and case.message:
            lines.append(f"         {case.message}")
    error = verdict.first_error()
    if error is not None and error.traceback:
        lines.append("")
        lines.append(error.traceback)
        lines.extend(f"Hint: {advice}" for advice in error.advice)
    return "\n".join(lines)


def _cmd_list(_: argparse.Namespace) -> int:
    for problem in list_problems():
        print(f"{problem.slug:<26} {problem.track:<10} {problem.difficulty:<7} {problem.signature}")
    return EXIT_ACCEPTED


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        load_problem(args.slug)
    except ProblemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        source = Path(args.file).read_bytes().decode("utf-8")
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except UnicodeDecodeError as exc:
        print(f"error: {args.file} is not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
        return EXIT_USAGE
    verdict = check(args.slug, source, "run" if args.run else "submit")
    print(verdict.to_json(indent=2) if args.json else format_verdict(verdict))
    return EXIT_ACCEPTED if verdict.accepted else EXIT_REJECTED


def _cmd_validate(args: argparse.Namespace) -> int:
    from checker.validate import format_table, validate

    try:
        problems = [load_problem(slug) for slug in args.slugs] if args.slugs else list_problems()
    except ProblemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    rows = validate(problems, progress=lambda row: print(f"  {row.slug} {row.file}: {row.got}", file=sys.stderr))
    print(format_table(rows))
    return EXIT_ACCEPTED if all(row.ok for row in rows) else EXIT_REJECTED


def _cmd_doctor(_: argparse.Namespace) -> int:
    from checker import cgroups, config
    from checker.container import sizing
    from checker.sandbox import isolation

    report = isolation()
    print(f"isolation level: {report.level}")
    if report.reason:
        print(f"  not stronger because: {report.reason}")
    print(f"  per-run cgroups (process and memory caps): {'yes' if cgroups.available() else 'no'}")
    for line in report.protections:
        print(f"  - {line}")
    found = sizing().resources
    print(f"resources ({found.source}): {found.cpus:g} CPUs, {found.memory_mb} MiB of memory")
    print(f"  checks at once: {config.max_concurrent_checks()}, warm workers: {config.pool_size()}, "
          f"memory per learner process: {config.memory_limit_mb()} MiB")  # fmt: skip
    print(
        f"public instance: {'yes' if config.public_instance() else 'no'}"
        + (" (learner code is refused: no sandbox)" if config.public_instance() and report.level == "none" else "")
    )
    if os.environ.get("NNX_DOJO_QUEUE_URL", "").strip():
        try:
            lines = describe_queue()
        except Exception as exc:  # a down or misconfigured queue is what doctor is for
            lines = [f"queue: {type(exc).__name__}: {exc}"]
        print("checks go to the queue, not to this host:")
        print("\n".join(f"  {line}" for line in lines) if len(lines) > 1 else f"  {lines[0]}\n  no live worker host")
    return EXIT_ACCEPTED


def _cmd_worker(args: argparse.Namespace) -> int:
    from checker.taskqueue.worker import serve

    if not args.queue:
        print("error: give --queue redis://HOST:PORT/DB or set NNX_DOJO_QUEUE_URL", file=sys.stderr)
        return EXIT_USAGE
    return serve(args.queue, args.concurrency)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m checker", description="NNX Dojo checker")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the exercises").set_defaults(func=_cmd_list)
    check_parser = commands.add_parser("check", help="check a solution file against an exercise")
    check_parser.add_argument("slug")
    check_parser.add_argument("file")
    check_parser.add_argument("--run", action="store_true", help="visible cases only")
    check_parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    check_parser.set_defaults(func=_cmd_check)
    validate_parser = commands.add_parser("validate", help="reference accepted, starter and wrong/ rejected")
    validate_parser.add_argument("slugs", nargs="*")
    validate_parser.set_defaults(func=_cmd_validate)
    commands.add_parser("doctor", help="report how learner code is isolated here").set_defaults(func=_cmd_doctor)
    worker_parser = commands.add_parser("worker", help="serve checks from a queue (needs requirements-queue.txt)")
    worker_parser.add_argument("--queue", default=os.environ.get("NNX_DOJO_QUEUE_URL", ""), help="redis://HOST:PORT/DB")
    worker_parser.add_argument("--concurrency", type=int, default=None, help="checks at once (NNX_DOJO_MAX_CONCURRENT)")
    worker_parser.set_defaults(func=_cmd_worker)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage already; keep its code
        return int(exc.code or 0)
    return args.func(args)
