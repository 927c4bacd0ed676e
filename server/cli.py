"""`kg serve`, which this package adds to the kg command (entry point group `kg.commands`): build if the inputs
changed, validate, then serve."""

from __future__ import annotations

import sys

import click

from kg.cli import (
    EXIT_ERROR,
    EXIT_VIOLATIONS,
    Bars,
    build_dir_option,
    command_settings,
    fail,
    load_into_store,
    quiet_option,
    setting_help,
    store_option,
)
from kg.errors import InputError, KGError
from kg.paths import Layout
from kg.release import BuildFolder
from kg.remote import store_settings_from_env
from kg.serving import prepare
from kg.settings import given
from kg.store import StaleStoreError, open_remote

from .launch import run_server


@click.command()
@click.option("--host", default=None, help=setting_help("HOST"))
@click.option("--port", type=int, default=None, help=setting_help("PORT"))
@click.option("--get", "get_path", default=None, metavar="PATH",
              help="Answer this one request (e.g. '/sparql?query=…') on standard output instead of listening.")
@click.option("--workers", type=int, default=None, help=setting_help("WORKERS"))
@build_dir_option
@store_option
@quiet_option
def serve(host: str | None, port: int | None, get_path: str | None, workers: int | None, build_dir: str | None,
          store: str | None, quiet: bool) -> None:
    """Build the graph if its inputs changed, validate it, and serve it over HTTP.

    Exit status: 1 when the inputs are bad or the graph does not conform (nothing is served);
    2 when it cannot start.
    """
    values = command_settings(BUILD_DIR=build_dir)
    layout = Layout.from_settings(values)
    base = values["BASE_IRI"] if given(values, "BASE_IRI") else None  # else the served release's own
    bars = Bars(not quiet)
    try:
        report = prepare(layout, base, bars, echo=lambda m: click.echo(m, err=True))
    except InputError as exc:
        bars.close()
        fail(str(exc), EXIT_VIOLATIONS)
    except KGError as exc:  # not the inputs: a build folder or store that cannot be used
        bars.close()
        fail(str(exc), EXIT_ERROR)
    bars.close()
    if report is not None and not report.conforms:
        click.echo(report.to_text(), err=True, nl=False)
        fail("the graph does not conform; fix it before serving", EXIT_VIOLATIONS)
    try:
        if store:
            release = BuildFolder(layout.build).require()
            try:
                open_remote(release, store_settings_from_env(store))
            except StaleStoreError:  # it holds another build, or none: load this one
                load_into_store(release, store, bars, lambda m: click.echo(m, err=True))
            bars.close()
        status = run_server(layout, host, port, get_path, workers, echo=lambda m: click.echo(m, err=True), store=store)
    except KGError as exc:
        fail(str(exc), EXIT_ERROR)
    sys.exit(status)
