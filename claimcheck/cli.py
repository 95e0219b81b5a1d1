"""The ``claimcheck`` command: ``extract``, ``check``, ``verify`` and ``eval``.

Every user-facing failure is a :class:`~claimcheck.errors.ClaimcheckError`
printed as one line with its fix (exit 2); a batch prints what succeeded
before reporting what did not.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from claimcheck import __version__
from claimcheck.api import Cache, extract_validated, resolve_backend
from claimcheck.archive import add_archive_options, add_input_options, read_corpus, run_extract
from claimcheck.backends import BACKENDS, Backend, Option, backend_options, default_backend_name
from claimcheck.checks import check, select_checks
from claimcheck.errors import ClaimcheckError, ConfigError, InputError
from claimcheck.inputs import refuse_outputs_that_are_inputs
from claimcheck.redaction import redact
from claimcheck.render import CHECK_FORMATS, CheckReport, render_check, verify_report
from claimcheck.render.terminal import one_line, printable
from claimcheck.schema import Extraction

if TYPE_CHECKING:
    from rich.console import Console

    from claimcheck.evaluation import EvalRun
    from claimcheck.evaluation.gold import GoldDoc

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _error(exc: ClaimcheckError | str) -> None:
    print(f"claimcheck: error: {one_line(redact(str(exc)))}", file=sys.stderr)


def _report_failures(bad: Sequence[tuple[str, ClaimcheckError]]) -> None:
    """One error line per file that failed, naming the file once (most errors already start with it)."""
    for name, exc in bad:
        _error(exc if str(exc).startswith(name) else f"{name}: {exc}")


class _HelpFormatter(argparse.HelpFormatter):
    """``--help`` ends each option's line with its default, unless it has none worth saying or says it already."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text, value = action.help or "", action.default
        if "default" in text or not action.option_strings or isinstance(value, bool):
            return action.help
        return action.help if value in (None, [], argparse.SUPPRESS) else f"{text} (default: %(default)s)"


class _Parser(argparse.ArgumentParser):
    """Usage mistakes get the same one-line ``claimcheck: error:`` as every other failure, not a usage dump."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)  # subcommands' parsers are _Parser too
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"claimcheck: error: {message} — see {self.prog} --help\n")


def _number(kind: Callable[[str], Any], accepts: Callable[[Any], bool], what: str) -> Callable[[str], Any]:
    """An argparse ``type``: ``kind`` of the value, refused unless ``accepts`` it (a zero concurrency would hang)."""

    def parse(value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
        if not accepts(number):  # also refuses nan
            raise argparse.ArgumentTypeError(f"{value!r} is not {what}")
        return number

    return parse


# --- shared options -------------------------------------------------------------------------


def _add_backend_options(p: argparse.ArgumentParser) -> None:
    """``--backend``, every option the backends declare (flag, type, range, default, help), and the cache."""
    g = p.add_argument_group("backend")
    g.add_argument("--backend", choices=BACKENDS, help="rules (offline, default without an endpoint) or llm")
    seen: set[str] = set()
    for option in (o for opts in backend_options().values() for o in opts):
        if option.name not in seen:
            seen.add(option.name)
            default = option.default if option.shared else None  # None: not given, so never stray
            g.add_argument(option.flag, type=_option_type(option), default=default, help=option.help)
    g.add_argument("--cache-dir", help="where cached extractions live (default ~/.cache/claimcheck)")
    g.add_argument("--no-cache", dest="cache", action="store_false", help="do not read or write the cache")


def _option_type(option: Option) -> Callable[[str], Any]:
    """An argparse ``type`` from the option's declared type and range."""
    if option.type not in (int, float):
        return option.type
    return _number(option.type, option.accepts, option.describe())


def _backend_from_args(args: argparse.Namespace) -> Backend:
    """Build the backend the flags ask for, refusing flags that do not apply to it."""
    return resolve_backend(*_backend_spec(args))


def _backend_spec(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """The backend's name and options from the flags, refusing flags that do not apply to it."""
    declared = backend_options()
    given = {
        backend: {o.name: getattr(args, o.name) for o in opts if not o.shared and getattr(args, o.name) is not None}
        for backend, opts in declared.items()
    }
    name = args.backend or default_backend_name({k: v for opts in given.values() for k, v in opts.items()})
    for other, opts in given.items():
        stray = [f"--{k.replace('_', '-')}" for k in opts if other != name and k not in given.get(name, {})]
        if stray:
            verb = "applies" if len(stray) == 1 else "apply"
            raise ConfigError(
                f"{', '.join(stray)} {verb} to the {other} backend", fix=f"add --backend {other}, or drop them"
            )
    shared = {o.name: getattr(args, o.name) for o in declared.get(name, ()) if o.shared}
    return name, {**given.get(name, {}), **shared}


def _emit(text: str) -> None:
    """``text`` to standard output as ``print`` writes it: its last newline in a write of its own.

    That last small write is where a reader that went away (``| head -1``)
    shows as :class:`BrokenPipeError`; one large write alone can end without it.
    """
    print(text.removesuffix("\n"), end="\n" if text.endswith("\n") else "")


def _warn(message: str) -> None:
    print(f"claimcheck: warning: {one_line(redact(message))}", file=sys.stderr)


def _cache_from_args(args: argparse.Namespace) -> Cache | None:
    if not args.cache:
        return None
    return Cache(args.cache_dir, on_warning=lambda m: _warn(f"{m} — pass a writable --cache-dir, or --no-cache"))


def _run_documents(args: argparse.Namespace) -> tuple[list[Extraction], list[tuple[str, ClaimcheckError]]]:
    """Read and extract the inputs with the flags' backend; failures are collected, never fatal.

    The corpus validates each text as it reads it, so extraction does not check them again.
    """
    docs, bad = read_corpus(args)
    if not docs:
        return [], bad
    backend = _backend_from_args(args)
    results = extract_validated(docs, backend=backend, concurrency=args.concurrency, cache=_cache_from_args(args))
    good: list[Extraction] = []
    for (doc_id, _), res in zip(docs, results, strict=True):
        if isinstance(res, Extraction):
            good.append(res)
        else:
            bad.append((doc_id, res))
    return good, bad


# --- extract --------------------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    def show(good: list[Extraction]) -> None:
        from claimcheck.render import json as render_json

        if args.format == "jsonl":
            _emit(render_json.extractions_jsonl(good))
        elif args.format == "json":
            _emit(render_json.extractions_json(good))
        elif args.format == "html":
            from claimcheck.render.html import render_html

            print(render_html(good, [check(ext) for ext in good]))  # the page shows the checks too
        else:
            from rich.console import Console

            from claimcheck.render.table import print_claims

            # Piped output has no terminal width to fit; 120 columns keeps short fields whole.
            print_claims(good, Console(width=None if sys.stdout.isatty() else 120))

    spec = _backend_spec(args)
    return run_extract(args, spec, lambda: _backend_from_args(args), _cache_from_args(args), show, _report_failures)


# --- check ----------------------------------------------------------------------------------


def _comma_list(arg: str | None) -> list[str]:
    return [n.strip() for n in (arg or "").split(",") if n.strip()]


def _cmd_check(args: argparse.Namespace) -> int:
    # Validated before any document is read or extracted.
    check_ids = select_checks(_comma_list(args.select) or None, _comma_list(args.ignore))
    good, bad = _run_documents(args)
    per_doc = [(ext, check(ext, select=check_ids, severities=args.severity)) for ext in good]
    report = CheckReport(per_doc, bad, args.fail_on)
    _emit(render_check(args.format, report))
    _report_failures(bad)
    if bad:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.fails() else EXIT_OK


# --- verify ---------------------------------------------------------------------------------


def _cmd_verify(args: argparse.Namespace) -> int:
    from claimcheck.render.json import verify_json
    from claimcheck.render.text import verify_text
    from claimcheck.verification import Sources, load_source, verify

    # Every source must load before any story is extracted: a missing one would make quotes look invented.
    sources = Sources([load_source(path) for path in args.against])
    good, bad = _run_documents(args)
    results = [verify(ext, sources) for ext in good]
    report = verify_report(good, results, bad, args.fail_on)
    if args.format == "json":
        _emit(verify_json(results, bad))
    elif args.format == "text":
        print(printable(verify_text(results)))  # quotes are article text: shown, never obeyed
    else:
        _emit(render_check(args.format, report))
    _report_failures(bad)
    if bad:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.fails() else EXIT_OK


# --- eval -----------------------------------------------------------------------------------


def _refuse_overwriting_inputs(outputs: dict[str, str | None], inputs: dict[Path, str]) -> None:
    """An output flag pointed at an input (``--out gold.jsonl``) would destroy it: refused before any work."""
    refuse_outputs_that_are_inputs({flag: path for flag, path in outputs.items() if path}, inputs)


def _refuse_output_onto_inputs(args: argparse.Namespace) -> None:
    """``-o`` must not name a file the command reads: articles, the gold, a baseline, compared results."""
    output = getattr(args, "output", None)
    if not output or output == "-":
        return
    named = [*getattr(args, "files", []), getattr(args, "gold", None), getattr(args, "baseline", None)]
    named += [getattr(args, "a", None), getattr(args, "b", None)]
    inputs = {Path(n): f"the input {n}" for n in named if n and n != "-"}
    refuse_outputs_that_are_inputs({"-o": output}, inputs)


def _cmd_eval(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress

    from claimcheck import evaluation
    from claimcheck.evaluation.gold import load_gold
    from claimcheck.evaluation.report import print_breakdown, print_summary, render_report

    # Everything that can be wrong with the flags fails before any document is extracted.
    gates = evaluation.parse_fail_under(args.fail_under)
    baseline = evaluation.load_baseline(args.baseline) if args.baseline else None
    gold = load_gold(args.gold, allow_outside_paths=args.allow_outside_paths)
    docs = evaluation.select_split(gold, args.split)
    for output in (args.out, args.report, args.write_baseline, args.junit):
        if output:
            evaluation.check_writable(output)
    _refuse_overwriting_inputs(
        {
            "-o": args.output,
            "--out": args.out,
            "--report": args.report,
            "--write-baseline": args.write_baseline,
            "--junit": args.junit,
        },
        {Path(args.gold): "the gold", **({Path(args.baseline): "the baseline"} if args.baseline else {})}
        | ({Path(args.from_results): "the stored results"} if args.from_results else {})
        | {d.path: f"the text of gold document {d.id!r}" for d in gold if d.path is not None},
    )
    if args.from_results:
        from claimcheck.evaluation.rescoring import rescore_stored

        if args.layouts:
            raise ConfigError("--layouts re-runs the backend on re-laid texts", fix="drop --layouts with --from")
        run, warnings = rescore_stored(args.from_results, gold, docs, gold_path=args.gold, split=args.split)
        for warning in warnings:
            print(f"claimcheck: warning: {warning}", file=sys.stderr)
    else:
        backend = _backend_from_args(args)
        show_progress = sys.stderr.isatty() if args.progress is None else args.progress
        bar = Progress(console=Console(stderr=True), transient=True) if show_progress else None
        with bar or contextlib.nullcontext():
            task = bar.add_task(f"eval {backend.name}", total=len(docs)) if bar else None
            run = evaluation.evaluate(
                docs,
                backend,
                concurrency=args.concurrency,
                cache=_cache_from_args(args),
                batch_size=max(4, 2 * args.concurrency) if bar else None,
                on_batch=(lambda n: bar.advance(task, n)) if bar and task is not None else None,
                gold_path=args.gold,
                split=args.split,
            )

    console = Console()
    print_summary(run, console)
    if args.by_field:
        print_breakdown(run, console)
    if args.out:
        evaluation.write_results(args.out, run)
    if args.report:
        evaluation.write_output(args.report, render_report(run))
    if args.write_baseline:
        evaluation.write_baseline(args.write_baseline, run)
    for mismatch in evaluation.baseline_mismatches(baseline, run) if baseline is not None else []:
        print(f"claimcheck: warning: {mismatch}", file=sys.stderr)
    failed = evaluation.check_gates(
        run.figures(), baseline=baseline, tolerance=args.tolerance, fail_under=gates, gated=args.gate
    )
    if args.layouts:
        failed += _eval_layouts(args, docs, backend, run, console)
    for message in failed:
        print(f"claimcheck: gate failed: {message}", file=sys.stderr)
    if args.junit or args.format == "github":
        _eval_ci_output(args, run, failed)
    return EXIT_FINDINGS if failed else EXIT_OK


def _eval_ci_output(args: argparse.Namespace, run: EvalRun, failed: Sequence[str]) -> None:
    """``--junit`` and ``--format github``: per-document regressions against the baseline's per-document counts."""
    from claimcheck.evaluation import write_output
    from claimcheck.evaluation.ci import eval_annotations, eval_drops, eval_junit

    drops = eval_drops(run, args.baseline, args.gate)
    if args.junit:
        write_output(args.junit, eval_junit(run, drops, failed))
    if args.format == "github":
        for line in eval_annotations(run, drops, failed):
            print(line)


def _eval_layouts(
    args: argparse.Namespace, docs: list[GoldDoc], backend: Backend, run: EvalRun, console: Console
) -> list[str]:
    """``--layouts``: attribution F1 per layout, and a gate message per layout too far below the original."""
    from claimcheck.evaluation.layouts import evaluate_layouts, layout_gate
    from claimcheck.evaluation.report import print_layouts

    scores = evaluate_layouts(docs, backend, original=run, concurrency=args.concurrency)
    print_layouts(scores, run, console)
    return layout_gate(scores, args.layout_tolerance)


# --- eval compare ---------------------------------------------------------------------------


def _cmd_compare(args: argparse.Namespace) -> int:
    from rich.console import Console

    from claimcheck.evaluation import check_writable, write_output
    from claimcheck.evaluation.comparison import compare, load_run_counts, require_document_counts
    from claimcheck.evaluation.comparison_report import print_comparison, regression_lines, render_comparison

    gated = args.gate
    for output in (args.out, args.report):
        if output:
            check_writable(output)
    _refuse_overwriting_inputs({"--out": args.out, "--report": args.report}, {Path(args.a): "A", Path(args.b): "B"})
    a, b = load_run_counts(args.a), load_run_counts(args.b)
    if args.fail_on_regression:
        require_document_counts(a, b)
    result = compare(a, b, rounds=args.rounds, seed=args.seed, gated=gated, figure=args.figure)
    if args.format == "json":
        _emit(result.to_json_text())
    else:
        print_comparison(result, Console(width=None if sys.stdout.isatty() else 120))
    if args.out:
        write_output(args.out, result.to_json_text())
    if args.report:
        write_output(args.report, render_comparison(result))
    regressions = regression_lines(result)
    for line in regressions:
        print(f"claimcheck: regression: {line}", file=sys.stderr)
    return EXIT_FINDINGS if args.fail_on_regression and regressions else EXIT_OK


def _build_compare_parser() -> argparse.ArgumentParser:
    from claimcheck.evaluation.scoring import FIGURES

    p = _Parser(
        prog="claimcheck eval compare",
        description="Is B better than A? Paired bootstrap over documents of two eval --out results (or a baseline).",
    )
    p.add_argument("a", metavar="A.json", help="the reference: results (eval --out) or a baseline")
    p.add_argument("b", metavar="B.json", help="the candidate: results (eval --out) or a baseline")
    p.add_argument(
        "--rounds",
        type=_number(int, lambda n: n >= 1000, "a whole number of 1000 or more"),
        default=1000,
        help="bootstrap rounds",
    )
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0: the same inputs, the same CI)")
    p.add_argument("--figure", choices=FIGURES, default="attribution_f1", help="figure for per-document deltas")
    p.add_argument("--gate", metavar="FIGURE,…", help="figures --fail-on-regression watches (default: headline)")
    p.add_argument(
        "--fail-on-regression", action="store_true", help="exit 1 when a gated figure's whole interval is below 0"
    )
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    p.add_argument("--out", help="write the comparison as JSON here")
    p.add_argument("--report", help="write a self-contained HTML page with a per-document bar chart here")
    _add_output_option(p)
    p.set_defaults(func=_cmd_compare)
    return p


# --- [tool.claimcheck] ----------------------------------------------------------------------


def _apply_config(args: argparse.Namespace) -> None:
    """Fill what the command line left unset from pyproject.toml, then the built-in defaults."""
    from claimcheck.config import load_config

    cfg = load_config()
    if hasattr(args, "backend"):
        args.backend = args.backend or cfg.backend
        # A configured model is for the llm backend; it does not make a rules run fail on a stray --model.
        if args.model is None and cfg.model and (args.backend or default_backend_name(vars(args))) == "llm":
            args.model = cfg.model
    if args.command in ("eval", "compare"):
        from claimcheck.evaluation.gates import parse_gates
        from claimcheck.evaluation.scoring import HEADLINE_FIGURES

        args.gate = parse_gates(_comma_list(args.gate)) or cfg.gate or HEADLINE_FIGURES
    if args.command == "eval":
        args.gold = args.gold or cfg.gold or "evals/gold.jsonl"
        args.baseline = args.baseline or cfg.baseline
        args.tolerance = cfg.tolerance if args.tolerance is None else args.tolerance
        args.tolerance = 0.01 if args.tolerance is None else args.tolerance
        # the command line's --fail-under entries come last, so they win per figure
        args.fail_under = [f"{k}={v}" for k, v in cfg.fail_under.items()] + args.fail_under
    if args.command == "check":
        args.select = args.select or (",".join(cfg.select) if cfg.select else None)
        args.ignore = args.ignore or (",".join(cfg.ignore) if cfg.ignore else None)
        args.fail_on = args.fail_on or cfg.fail_on or "error"
        args.severity = cfg.severity


# --- entry point ----------------------------------------------------------------------------


def _add_output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write what would go to standard output into FILE (like > FILE)"
    )


@contextlib.contextmanager
def _stdout_to(path: str | None) -> Iterator[None]:
    """``-o FILE``: standard output goes to FILE, created or replaced; errors and progress stay on stderr."""
    if path is None or path == "-":
        yield
        return
    try:
        out = open(path, "w", encoding="utf-8")  # noqa: SIM115 -- closed below, after the command has run
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})", fix="give -o a writable file path") from None
    with out, contextlib.redirect_stdout(out):
        yield


def _cmd_rules(args: argparse.Namespace) -> int:
    """``claimcheck rules [ID]``: every check with its severity and documentation, printed from the registry."""
    from claimcheck.checks import CHECKS
    from claimcheck.checks.docs import describe, markdown_table, text_listing

    if args.id is not None:
        if args.id not in CHECKS:
            raise ConfigError(f"unknown rule {args.id!r}", fix=f"use one of: {', '.join(CHECKS)}")
        chosen = [CHECKS[args.id]]
        print(markdown_table(chosen) if args.format == "markdown" else describe(chosen[0]), end="")
    else:
        print(markdown_table() if args.format == "markdown" else text_listing(), end="")
    return 0


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Every claim in a news text, with its source and hedging, checked.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="list the claims in articles")
    p.add_argument("files", nargs="+", metavar="FILE", help="articles (text, HTML), folders, corpora, or - for stdin")
    p.add_argument("--format", choices=["table", "json", "jsonl", "html"], default="table", help="output format")
    add_input_options(p)
    add_archive_options(p)
    _add_backend_options(p)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("check", help="editorial findings for articles, like a linter")
    p.add_argument("files", nargs="+", metavar="FILE", help="articles (text, HTML), folders, corpora, or - for stdin")
    p.add_argument("--format", choices=CHECK_FORMATS, default="text", help="output format")
    add_input_options(p)
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        help="exit 1 when a finding is this severe or more (default: error)",
    )
    p.add_argument("--select", metavar="CHECK,…", help="run only these checks (comma-separated ids; default: all)")
    p.add_argument("--ignore", metavar="CHECK,…", help="skip these checks, e.g. unattributed-claim (default: none)")
    _add_backend_options(p)
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("rules", aliases=["checks"], help="list the editorial checks (id, severity, what each flags)")
    p.add_argument("id", nargs="?", metavar="ID", help="show this check only (default: all)")
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="output format")
    p.set_defaults(func=_cmd_rules)

    p = sub.add_parser("verify", help="check a story's quotes against transcripts, releases or earlier stories")
    p.add_argument("files", nargs="+", metavar="STORY", help="story text files (UTF-8), or - for standard input")
    p.add_argument(
        "--against", nargs="+", required=True, metavar="SOURCE", help="source documents: text, Markdown or HTML"
    )
    p.add_argument("--format", choices=CHECK_FORMATS, default="text", help="output format")
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "never"],
        default="error",
        help="exit 1 at this severity: error (spliced, not found, meaning flipped, wrong speaker), warning (altered)",
    )
    _add_backend_options(p)
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("eval", help="score a backend against gold labels")
    p.add_argument(
        "--gold", help="gold JSONL file, or a BRAT corpus folder (text/ + attributions/) (default: evals/gold.jsonl)"
    )
    p.add_argument(
        "--from",
        dest="from_results",
        metavar="RESULTS",
        help="re-score the predictions of an eval --out results file against the gold; no backend runs",
    )
    p.add_argument("--split", help="only documents of this split, dev or test (default: all documents)")
    p.add_argument("--out", help="write figures and predictions as JSON here")
    p.add_argument("--report", help="write a self-contained HTML report here")
    p.add_argument("--by-field", action="store_true", help="break errors down by kind, with examples")
    p.add_argument("--baseline", help="baseline JSON to gate against")
    p.add_argument(
        "--tolerance",
        type=_number(float, lambda n: n >= 0.0, "a number of 0 or more"),
        help="allowed drop below the baseline (default 0.01)",
    )
    p.add_argument("--fail-under", action="append", default=[], metavar="FIGURE=VALUE", help="absolute gate")
    p.add_argument("--gate", metavar="FIGURE,…", help="figures the baseline gates watch (default: the headline ones)")
    p.add_argument("--write-baseline", help="write this run's figures and per-document counts as a baseline here")
    p.add_argument("--junit", metavar="FILE", help="write JUnit XML here: a test case per gold document")
    p.add_argument("--format", choices=["text", "github"], default="text", help="github: also workflow annotations")
    p.add_argument(
        "--allow-outside-paths",
        action="store_true",
        help="let gold lines' 'path' point outside the gold file's folder (only for gold you trust)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on standard error (default: when it is a terminal)",
    )
    p.add_argument(
        "--layouts", action="store_true", help="also score every document re-laid in each layout (F1 per layout)"
    )
    p.add_argument(
        "--layout-tolerance",
        type=_number(float, lambda n: n >= 0.0, "a number of 0 or more"),
        default=0.02,
        help="with --layouts, allowed drop of a layout's attribution F1 below the original (default 0.02)",
    )
    _add_backend_options(p)
    p.set_defaults(func=_cmd_eval)
    for command in dict.fromkeys(sub.choices.values()):  # an alias (checks) lists its parser twice
        _add_output_option(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 findings/regression, 2 error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:2] == ["eval", "compare"]:  # a sub-command of eval, which otherwise takes only options
        args = _build_compare_parser().parse_args(argv[2:])
        args.command = "compare"
    else:
        args = _build_parser().parse_args(argv)
    try:
        _apply_config(args)
        _refuse_output_onto_inputs(args)  # -o opens (and empties) its file before the command reads anything
        with _stdout_to(getattr(args, "output", None)):  # a command may not take -o
            code = int(args.func(args))
            sys.stdout.flush()  # a full disk shows here, not in a traceback at exit
            return code
    except ClaimcheckError as exc:
        _error(exc)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `| head -1` closed the pipe: what was wanted has been read
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        if exc.errno not in _DISK_FULL:
            raise
        _drop_stdout()
        _error(f"cannot write the output ({exc.strerror})")
        return EXIT_ERROR


#: 128 + SIGPIPE, what a shell reports for a writer whose reader went away.
EXIT_BROKEN_PIPE = 141
_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _drop_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush at exit cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (captured in tests): nothing will be flushed to the dead descriptor
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
