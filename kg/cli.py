"""The `kg` command: a thin layer of options over the library."""

from __future__ import annotations

import json
import logging
import sys
from importlib import metadata
from pathlib import Path

import click
import pyoxigraph as ox

from . import __version__
from .build import build as run_build
from .errors import KGError
from .formats import BY_NAME, names
from .paths import Layout
from .release import BuildFolder, Release
from .remote import store_settings_from_env
from .settings import SETTINGS
from .settings import load as load_settings
from .store import open_store
from .validate import CHECKS
from .validate import validate as run_validate

EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


class Bars:
    """Progress bars on stderr; silent with --quiet or when stderr is not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.bars: dict = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        bar = self.bars.get(stage)
        if bar is None:
            bar = self.bars[stage] = tqdm(total=total, desc=stage, leave=False, file=sys.stderr)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def command_settings(**options) -> dict:
    """The settings in their layers, the command's options last; a bad value stops the command."""
    try:
        return load_settings(options)
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)


def command_layout(build_dir: str | None) -> Layout:
    return Layout.from_settings(command_settings(BUILD_DIR=build_dir))


def setting_help(name: str) -> str:
    """An option's help: its setting's, and the variable that sets it too."""
    setting = SETTINGS[name]
    return f"{setting.help} Or {setting.env}."


def fail(message: str, code: int) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(code)


build_dir_option = click.option("--build-dir", type=click.Path(file_okay=False), default=None, help=setting_help("BUILD_DIR"))
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress display.")
store_option = click.option(
    "--store", default=None, metavar="URL", envvar="KG_STORE",
    help=setting_help("STORE") + " Credentials only from KG_STORE_USER / KG_STORE_PASSWORD.",
)


def load_into_store(release: Release, url: str, bars, echo) -> None:
    from .store import load_remote

    loaded = load_remote(release, store_settings_from_env(url), bars)
    echo(f"loaded {release.name} into {url}: {loaded['triples']} triples in {loaded['graphs']} graphs "
         f"(default graph included); {loaded['dropped']} graphs of the previous build dropped")


class Commands(click.Group):
    """kg's own commands and those installed packages add: each entry point of the group `kg.commands` is a
    command (the web server's package adds `serve`), loaded only when it is run or its help is asked for, so
    that `kg build` never loads the server."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(_added_commands()))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in _added_commands():
            command = _added_commands()[name].load()
        return command


def _added_commands() -> dict[str, metadata.EntryPoint]:
    return {ep.name: ep for ep in metadata.entry_points(group="kg.commands")}


@click.group(cls=Commands)
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log what the library does.")
def main(verbose: bool) -> None:
    """Build, validate and query the Land Bridge knowledge graph."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--base", default=None, help=setting_help("BASE_IRI"))
@build_dir_option
@store_option
@quiet_option
def build(base: str | None, build_dir: str | None, store: str | None, quiet: bool) -> None:
    """Build the dataset, dumps and store from seeds, statements, register and ontology.

    With --store, the build is validated and, if it conforms, loaded into that store, replacing
    the previous build there (see kg.remote for how atomic that is on each engine).

    Exit status: 0 built; 1 bad input (the message names file and line; the previous build
    stays in place) or, with --store, a graph that does not conform; 2 any other failure.
    """
    bars = Bars(not quiet)
    values = command_settings(BUILD_DIR=build_dir, BASE_IRI=base)
    layout = Layout.from_settings(values)
    try:
        result = run_build(layout, values["BASE_IRI"], bars)
    except KGError as exc:
        bars.close()
        fail(str(exc), 1)
    s = result.stats
    click.echo(
        f"built {result.release.path}: {s['statements']} statements, {s['facts']} facts, "
        f"{s['entities']} entities, {s['triples_default_graph']} triples, {s['named_graphs']} named graphs"
    )
    if store:
        try:
            report = run_validate(layout, CHECKS, bars)
            if not report.conforms:
                bars.close()
                click.echo(report.to_text(), err=True, nl=False)
                fail(f"the graph does not conform; nothing was loaded into {store}", EXIT_VIOLATIONS)
            load_into_store(result.release, store, bars, lambda m: click.echo(m))
        except KGError as exc:
            bars.close()
            fail(str(exc), EXIT_ERROR)
    bars.close()


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True,
              help="Report format: text for people, turtle (a SHACL validation report) or json for tools.")
@click.option("--check", "checks", multiple=True, type=click.Choice(CHECKS),
              help="Run only these checks (repeatable; default: all).")
@build_dir_option
@quiet_option
def validate(fmt: str, checks: tuple[str, ...], build_dir: str | None, quiet: bool) -> None:
    """Validate the current build: SHACL shapes, OWL RL consistency, quotes, QC queries.

    Exit status: 0 conforms; 1 does not conform; 2 could not run.
    """
    bars = Bars(not quiet)
    try:
        report = run_validate(command_layout(build_dir), checks or CHECKS, bars)
    except KGError as exc:
        bars.close()
        fail(str(exc), EXIT_ERROR)
    except Exception as exc:  # validation could not run: say so with the documented code
        bars.close()
        logging.getLogger(__name__).exception("validation failed to run")
        fail(f"validation could not run: {exc}", EXIT_ERROR)
    bars.close()
    out = {"text": report.to_text, "turtle": report.to_turtle, "json": report.to_json}[fmt]()
    click.echo(out, nl=False)
    sys.exit(EXIT_CONFORMS if report.conforms else EXIT_VIOLATIONS)


def search_functions(release: Release, query: str) -> dict:
    """The engine's arguments for a query that calls search (lbf:search, kg.search): none for any other."""
    from .namespaces import LBF
    from .search import SearchIndex, SearchUnavailable

    if LBF not in query:
        return {}
    try:
        return {"custom_functions": SearchIndex.of(release).sparql_functions()}
    except SearchUnavailable:
        return {}


@main.command()
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(names("results", "graph")), default=None,
              help="Output format (default: tsv for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE).")
@build_dir_option
def query(query: str, fmt: str | None, build_dir: str | None) -> None:
    """Run a SPARQL query (text, or @file.rq) on the current build and print the results."""
    if query.startswith("@"):
        query = Path(query[1:]).read_text(encoding="utf-8")
    try:
        release = BuildFolder(command_layout(build_dir).build).require()
        store = open_store(release)
        results = store.query(query, **search_functions(release, query))
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)
    except SyntaxError as exc:
        fail(f"bad query: {exc}", EXIT_VIOLATIONS)
    except RuntimeError as exc:
        if "custom function" not in str(exc):
            raise
        fail(f"bad query: {exc} (the release has no search index)", EXIT_VIOLATIONS)
    if isinstance(results, ox.QueryTriples):
        chosen = BY_NAME[fmt or "turtle"]
        if chosen.kind != "graph":
            fail(f"--format {chosen.name} is for SELECT/ASK results", EXIT_VIOLATIONS)
        data = ox.serialize(results, format=chosen.native)
    else:
        chosen = BY_NAME[fmt or "tsv"]
        if chosen.kind != "results":
            fail(f"--format {chosen.name} is for CONSTRUCT/DESCRIBE results", EXIT_VIOLATIONS)
        data = results.serialize(format=chosen.native)
    sys.stdout.buffer.write(data)


@main.command()
@build_dir_option
def stats(build_dir: str | None) -> None:
    """Print the figures of the current build (statements, facts, entities, triples) as JSON."""
    try:
        release = BuildFolder(command_layout(build_dir).build).require()
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)
    click.echo(json.dumps(release.stats(), indent=2))


@main.command()
@click.option("--document", "documents", multiple=True, metavar="ID", help="Only this document (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format: text for people, json for tools.")
def coverage(documents: tuple[str, ...], fmt: str) -> None:
    """Report what curation has left: unquoted sentences, entities named without a fact, and numbers,
    dates and names in quotes that no fact uses (each unless explained in the statement file).

    Exit status: 0 nothing left; 1 something left; 2 the inputs could not be read.
    """
    from .build import load_inputs
    from .coverage import coverage as run_coverage
    from .coverage import to_text

    try:
        inputs = load_inputs(command_layout(None))
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)
    unknown = set(documents) - set(inputs.documents)
    if unknown:
        fail(f"unknown document(s): {', '.join(sorted(unknown))}", EXIT_ERROR)
    reports = [r for r in run_coverage(inputs) if not documents or r.document in documents]
    if fmt == "json":
        click.echo(json.dumps([r.as_json() for r in reports], indent=2, ensure_ascii=False))
    else:
        click.echo(to_text(reports), nl=False)
    sys.exit(0 if all(r.empty for r in reports) else 1)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", default=None, help="The document's title, as the text shows it.")
@click.option("--date", default=None, metavar="YYYY-MM-DD", help="Its publication date, as the text shows it.")
@click.option("--outlet", default=None, help="The outlet that published it, as the text names it.")
@click.option("--authors", default=None, help="Its authors, as the text names them, separated by ';'.")
@click.option("--genre", default=None, help="What kind of document it is (news article, policy brief, ...).")
@click.option("--url", default=None, help="Where it was published.")
def add(file: Path, title: str | None, date: str | None, outlet: str | None, authors: str | None, genre: str | None,
        url: str | None) -> None:
    """Add a document (plain text, a saved web page or a PDF) to seeds/ and the catalogue.

    The article's own text is stored verbatim with its SHA-256; metadata the file shows is proposed and the
    options win; off-topic spans are proposed for the curator to confirm. Prints what it did on standard error
    and the new document's id on standard output. Nothing is fetched.

    Exit status: 0 added; 1 refused (the same text as a catalogued document, a value the text does not show,
    a file with no text); 2 the project's inputs could not be read.
    """
    from .adding import add_document

    layout = command_layout(None)
    names = [a.strip() for a in authors.split(";") if a.strip()] if authors else None
    try:
        added = add_document(layout, file, title=title, date=date, outlet=outlet, authors=names, genre=genre, url=url)
    except KGError as exc:
        fail(str(exc), 1)
    say = lambda message: click.echo(message, err=True)  # noqa: E731
    say(f"added document {added.id}: seeds/{added.file} ({added.kind})")
    for key, value in added.values.items():
        if not key.endswith("_evidence"):
            evidence = added.values.get(f"{key}_evidence")
            shown = "; ".join(value) if isinstance(value, list) else value
            say(f"  {key}: {shown}" + (f"  (the text: {evidence!r})" if evidence and evidence != value else ""))
    for note in added.notes:
        say(f"  note: {note}")
    if added.proposed:
        say(f"proposed off-topic spans ({len(added.proposed)}), marked 'proposal' in seeds/catalogue.yaml until confirmed:")
        for start, until, reason in added.proposed:
            say(f"  - {reason}: from {start!r} until {until!r}")
    else:
        say("no off-topic spans found")
    say(f"next: check the catalogue entry, then kg review {added.id} once statements/{added.id}.yaml is drafted")
    click.echo(added.id)


@main.command()
@click.argument("document")
@click.option("--accept", "accepted", multiple=True, metavar="KEY", help="Accept this proposal (a statement or entity id, "
              "or span-N) without asking (repeatable).")
@click.option("--drop", "dropped", multiple=True, metavar="KEY", help="Drop this proposal without asking (repeatable).")
@click.option("--accept-all", is_flag=True, help="Accept every proposal not dropped.")
@click.option("--check", "check_only", is_flag=True, help="Change nothing: run the checks and report what is left.")
def review(document: str, accepted: tuple[str, ...], dropped: tuple[str, ...], accept_all: bool, check_only: bool) -> None:
    """Review what was proposed for a document: its off-topic spans, register entries and statements.

    Without options, shows each proposal with its words in context and asks: accept, edit (in $EDITOR), drop,
    skip or quit. The options decide without asking; --check only reports. Then runs the build's checks on the
    document and reports what is left: proposals not reviewed, the first input the build would refuse, and
    the coverage of its text.

    Exit status: 0 nothing left; 1 something left; 2 the inputs could not be read.
    """
    from .corpus import load_corpus
    from .review import Review, check

    layout = command_layout(None)
    try:
        session = Review.open(layout, document)
        doc = load_corpus(layout.catalogue, layout.seeds, proposals=True).get(document)
        if not check_only:
            if accepted or dropped or accept_all:
                for key in dropped:
                    session.drop(session.item(key))
                for item in session.items:
                    if item.decision is None and (accept_all or item.key in accepted):
                        if session.unfinished(item):
                            click.echo(f"not accepted: {session.unfinished(item)}")
                            continue
                        session.accept(item)
                unknown = set(accepted) - {i.key for i in session.items}
                if unknown:
                    session.item(sorted(unknown)[0])  # names the proposals there are
            else:
                _ask(session, doc)
            session.save()
            count = {d: sum(1 for i in session.items if i.decision == d) for d in ("accepted", "dropped", None)}
            edited = sum(1 for i in session.items if i.edited)
            click.echo(f"document {document}: {count['accepted']} accepted, {edited} edited, {count['dropped']} dropped, "
                       f"{count[None]} left as proposals")
        result = check(layout, document)
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)
    _report(result)
    sys.exit(0 if result.done else 1)


def _ask(session, doc) -> None:
    """The terminal flow: each proposal shown, then accept, edit, drop, skip or quit (end of input quits)."""
    choices = click.Choice(["a", "e", "d", "s", "q"])
    for number, item in enumerate(list(session.items), 1):
        click.echo(f"\n[{number}/{len(session.items)}] " + session.show(item, doc))
        while True:
            try:
                answer = click.prompt("accept, edit, drop, skip or quit? [a/e/d/s/q]", type=choices, default="s",
                                      show_choices=False, show_default=False)
            except click.Abort:
                return
            if answer == "q":
                return
            if answer == "a":
                if session.unfinished(item):
                    click.echo(f"not accepted: {session.unfinished(item)}")
                    continue
                session.accept(item)
            elif answer == "d":
                session.drop(item)
            elif answer == "e":
                edited = click.edit(session.yaml_of(item), extension=".yaml")
                if edited is not None:
                    try:
                        session.replace(item, edited)
                    except KGError as exc:  # the edit is not kept; the proposal stands as it was
                        click.echo(f"not kept: {exc}")
                        continue
                    click.echo(session.show(item, doc))
                continue
            break


def _report(result) -> None:
    click.echo(f"proposals left: {', '.join(result.proposals) if result.proposals else 'none'}")
    if result.problem:
        click.echo(f"the build's checks: {result.problem}")
    elif result.proposals:
        click.echo("the build's checks: the other inputs pass; this document's run once its proposals are reviewed")
    else:
        click.echo(f"the build's checks: pass for document {result.document}")
    if result.coverage is not None:
        from .coverage import to_text

        click.echo("coverage: " + to_text([result.coverage]), nl=False)


@main.command()
@click.argument("document")
@click.option("--all-rules", is_flag=True,
              help="also the facts of the rules withheld for their record on new text (kg/rule_record.yaml)")
def suggest(document: str, all_rules: bool) -> None:
    """Write a draft statements file for DOCUMENT (its id in the catalogue) and print its path.

    Every statement, and every new register entry (appended to register/DOCUMENT.yaml), is marked `proposal` with
    the reason for it; kg build refuses proposals until a curator has reviewed them. A statements file that holds
    reviewed statements is never overwritten. Facts of the drafting rules (by kind of fact) that the record
    (kg/rule_record.yaml) estimates below its threshold on new text, where a rule it has not measured there starts
    at one half, are left out unless --all-rules is given; how many is printed.

    Exit status: 0 written; 2 the inputs could not be read or the file holds reviewed statements.
    """
    from .suggest import suggest as run_suggest

    try:
        draft = run_suggest(command_layout(None), document, frozenset() if all_rules else None)
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)
    click.echo(draft.statements_path)
    click.echo(f"{len(draft.statements)} statements, {draft.facts} facts, {len(draft.entities)} new register entries "
               f"proposed (register: {draft.register_path})", err=True)
    for note in draft.notes:
        click.echo(note, err=True)


if __name__ == "__main__":
    main()
